/** Immutable list edits for the editor's lists (groups, options, rules, BOM lines …). */
export const replaceAt = <T,>(list: readonly T[], index: number, item: T): T[] => list.map((existing, i) => (i === index ? item : existing));

export const removeAt = <T,>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

export function moveItem<T>(list: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The first of `prefix`, `prefix-2`, `prefix-3` … not in use: new items get unique codes. */
export function freshCode(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  for (let n = 2; ; n += 1) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}
