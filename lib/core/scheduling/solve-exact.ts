import type { PlacedJob } from "./build-schedule";
import type { LineModel, Model } from "./model";

/** Largest number of free jobs the exact search takes on (2^n label sets per line, 3^n to combine lines). */
export const EXACT_MAX_JOBS = 12;

interface Label {
  mask: number;
  family: number;
  pin: number;
  end: number;
  tardiness: number;
  setup: number;
  parent: Label | null;
  /** free-job index placed by the step into this label, or -1 for passing the next pinned job */
  placed: number;
  start: number;
  stepSetup: number;
}

interface LineOptimum {
  tardiness: number;
  setup: number;
  end: number;
  label: Label;
}

/** a dominates b: no later, and no worse in (tardiness, setup) lexicographically */
function dominates(a: Label, b: Label): boolean {
  return a.end <= b.end && (a.tardiness < b.tardiness || (a.tardiness === b.tardiness && a.setup <= b.setup));
}

function earliestStart(line: LineModel, e: number, s: number, p: number, r: number): number {
  const ws = line.windowStart, we = line.windowEnd;
  for (let w = 0; w < ws.length; w++) {
    if ((we[w] as number) < Math.max(e + s, r) + p) continue;
    let t = Math.max(ws[w] as number, e) + s;
    if (t < r) t = r;
    if (t + p <= (we[w] as number)) return t;
  }
  return -1;
}

/**
 * Optimal schedules of every subset of the free jobs on one line: a label-setting search over
 * (jobs done, last family, pinned jobs passed) whose labels keep only the Pareto front of
 * (end, tardiness, setup). Placing a job and passing the next pinned job are separate steps,
 * so every interleaving with the pinned jobs is considered; the future of a state only gets
 * worse with a later end, which makes the dominance exact. Returns null past `budget` labels.
 */
function optimiseLine(model: Model, line: LineModel, jobs: Int32Array, budget: { labels: number }): (LineOptimum | undefined)[] | null {
  const n = jobs.length;
  const pins = line.pins;
  let eligibleMask = 0;
  for (let i = 0; i < n; i++) if ((model.processing[(jobs[i] as number) * model.lineCount + line.index] as number) >= 0) eligibleMask |= 1 << i;
  const setupOf = (from: number, to: number) => (from < 0 || from === to ? 0 : (model.setupMatrix[from * model.familyCount + to] as number));
  const best: (LineOptimum | undefined)[] = new Array(1 << n);
  let level: Map<string, Label[]> = new Map();
  const root: Label = { mask: 0, family: line.initialFamily, pin: 0, end: 0, tardiness: 0, setup: 0, parent: null, placed: -1, start: 0, stepSetup: 0 };
  level.set("0|0|0", [root]);
  while (level.size > 0) {
    const next: Map<string, Label[]> = new Map();
    const offer = (label: Label) => {
      const key = `${label.mask}|${label.family}|${label.pin}`;
      const bucket = next.get(key);
      if (!bucket) {
        next.set(key, [label]);
        budget.labels--;
        return;
      }
      for (const other of bucket) if (dominates(other, label)) return;
      for (let b = bucket.length - 1; b >= 0; b--) if (dominates(label, bucket[b] as Label)) bucket.splice(b, 1);
      bucket.push(label);
      budget.labels--;
    };
    for (const bucket of level.values()) {
      for (const label of bucket) {
        if (label.pin === pins.count) {
          const current = best[label.mask];
          if (
            !current ||
            label.tardiness < current.tardiness ||
            (label.tardiness === current.tardiness && (label.setup < current.setup || (label.setup === current.setup && label.end < current.end)))
          ) {
            best[label.mask] = { tardiness: label.tardiness, setup: label.setup, end: label.end, label };
          }
        } else {
          const pf = pins.family[label.pin] as number;
          const s = setupOf(label.family, pf);
          offer({
            mask: label.mask, family: pf, pin: label.pin + 1, end: pins.end[label.pin] as number,
            tardiness: label.tardiness + (pins.tardiness[label.pin] as number), setup: label.setup + s,
            parent: label, placed: -1, start: pins.start[label.pin] as number, stepSetup: s,
          });
        }
        for (let i = 0; i < n; i++) {
          const bit = 1 << i;
          if (!(eligibleMask & bit) || label.mask & bit) continue;
          const j = jobs[i] as number;
          const fj = model.jobFamily[j] as number;
          const p = model.processing[j * model.lineCount + line.index] as number;
          const s = setupOf(label.family, fj);
          const t = earliestStart(line, label.end, s, p, model.jobRelease[j] as number);
          if (t < 0) continue;
          if (label.pin < pins.count) {
            const pf = pins.family[label.pin] as number;
            const toPin = setupOf(fj, pf);
            const pinStart = pins.start[label.pin] as number;
            if (t + p + toPin > pinStart || pinStart - toPin < (pins.windowStart[label.pin] as number)) continue;
          }
          const late = t + p - (model.jobDue[j] as number);
          offer({
            mask: label.mask | bit, family: fj, pin: label.pin, end: t + p,
            tardiness: label.tardiness + (late > 0 ? (model.jobWeight[j] as number) * late : 0), setup: label.setup + s,
            parent: label, placed: i, start: t, stepSetup: s,
          });
        }
      }
    }
    if (budget.labels < 0) return null;
    level = next;
  }
  return best;
}

/**
 * Proven optimum for small instances (at most EXACT_MAX_JOBS free jobs): optimal line
 * schedules for every job subset, combined over the lines by a subset DP. The objective is
 * lexicographic and additive per line except the makespan (a max), and each line's optimum is
 * lexicographically least in (tardiness, setup, end), so the combination is exact too.
 * Returns null when the instance is too big, or when some free job cannot be placed.
 */
export function solveExact(model: Model, maxLabels = 2_000_000): PlacedJob[] | null {
  const jobs = model.freeJobs;
  const n = jobs.length;
  if (n > EXACT_MAX_JOBS) return null;
  const budget = { labels: maxLabels };
  const perLine: (LineOptimum | undefined)[][] = [];
  for (const line of model.lines) {
    const optimum = optimiseLine(model, line, jobs, budget);
    if (!optimum) return null;
    perLine.push(optimum);
  }
  const full = (1 << n) - 1;
  type Combined = { tardiness: number; setup: number; end: number; choice: number } | undefined;
  const stages: Combined[][] = [];
  let previous: Combined[] = new Array(1 << n);
  previous[0] = { tardiness: 0, setup: 0, end: 0, choice: 0 };
  for (const optimum of perLine) {
    const current: Combined[] = new Array(1 << n);
    for (let mask = 0; mask <= full; mask++) {
      // every split of `mask` into the jobs of earlier lines and those of this one
      for (let sub = mask; ; sub = (sub - 1) & mask) {
        const here = optimum[sub];
        const before = previous[mask ^ sub];
        if (here && before) {
          const tardiness = before.tardiness + here.tardiness;
          const setup = before.setup + here.setup;
          const end = Math.max(before.end, here.end);
          const c = current[mask];
          if (!c || tardiness < c.tardiness || (tardiness === c.tardiness && (setup < c.setup || (setup === c.setup && end < c.end)))) {
            current[mask] = { tardiness, setup, end, choice: sub };
          }
        }
        if (sub === 0) break;
      }
    }
    stages.push(current);
    previous = current;
  }
  if (!previous[full]) return null;

  const placed: PlacedJob[] = [];
  let mask = full;
  for (let l = model.lineCount - 1; l >= 0; l--) {
    const sub = (stages[l]?.[mask] as NonNullable<Combined>).choice;
    let label: Label | null = (perLine[l]?.[sub] as LineOptimum).label;
    for (; label && label.parent; label = label.parent) {
      if (label.placed >= 0) placed.push({ job: jobs[label.placed] as number, line: l, start: label.start, setup: label.stepSetup });
      else placed.push({ job: model.lines[l]?.pins.job[label.pin - 1] as number, line: l, start: label.start, setup: label.stepSetup });
    }
    mask ^= sub;
  }
  return placed;
}
