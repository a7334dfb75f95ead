/**
 * QuickXplain (Junker, 2004): a minimal subset of `candidates` that is still unsatisfiable
 * together with the background, in O(k·log(n/k)) satisfiability checks for a conflict of k out
 * of n rules. Minimal means removing any one rule of the answer makes the conflict disappear.
 * Returns [] when the candidates are satisfiable or the background alone is not.
 */
export function minimalConflict(candidates: number[], isSatisfiable: (rules: number[]) => boolean): number[] {
  if (candidates.length === 0 || isSatisfiable(candidates) || !isSatisfiable([])) return [];
  const explain = (background: number[], backgroundChanged: boolean, rules: number[]): number[] => {
    if (backgroundChanged && !isSatisfiable(background)) return [];
    if (rules.length === 1) return rules;
    const half = Math.floor(rules.length / 2);
    const first = rules.slice(0, half);
    const second = rules.slice(half);
    const fromSecond = explain([...background, ...first], first.length > 0, second);
    const fromFirst = explain([...background, ...fromSecond], fromSecond.length > 0, first);
    return [...fromFirst, ...fromSecond];
  };
  return explain([], false, candidates).sort((a, b) => a - b);
}
