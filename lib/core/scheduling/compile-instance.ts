import type { Instance } from "./instance-schema";
import { minutesFrom } from "./iso-minutes";
import { acceptPins, type AcceptedPin } from "./accept-pins";
import type { LineModel, LinePins, Model } from "./model";
import { processingMinutes } from "./processing-time";

/** Where a job stands in a published plan. */
export interface Anchor {
  lineId: string;
  /** ISO time */
  start: string;
}

export interface CompileOptions {
  /** jobId -> its place in the published plan: the decoder keeps it there when it can (repair) */
  anchors?: ReadonlyMap<string, Anchor>;
  /** ISO time before which no unpinned job may start (repair: "now") */
  notBefore?: string;
}


/** Windows clipped to the horizon, sorted, with contained windows dropped (so ends are sorted too). */
function normaliseWindows(raw: [number, number][], horizon: number): [Int32Array, Int32Array] {
  const clipped = raw
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(horizon, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: [number, number][] = [];
  for (const w of clipped) {
    const last = kept[kept.length - 1];
    if (!last || w[1] > last[1]) kept.push(w);
  }
  return [Int32Array.from(kept.map((w) => w[0])), Int32Array.from(kept.map((w) => w[1]))];
}

export function compileInstance(instance: Instance, options: CompileOptions = {}): Model {
  const epochOffset = minutesFrom(instance.horizon.start, 0);
  const horizon = minutesFrom(instance.horizon.end, epochOffset);

  const familyIndex = new Map<string, number>();
  const family = (name: string | undefined): number => {
    if (name === undefined) return -1;
    let index = familyIndex.get(name);
    if (index === undefined) {
      index = familyIndex.size;
      familyIndex.set(name, index);
    }
    return index;
  };
  for (const job of instance.jobs) family(job.family);
  for (const line of instance.lines) family(line.initialFamily);
  const matrix = instance.setups.matrix ?? {};
  for (const [from, row] of Object.entries(matrix)) {
    family(from);
    for (const to of Object.keys(row)) family(to);
  }
  const familyCount = familyIndex.size;
  const setupMatrix = new Int32Array(familyCount * familyCount).fill(instance.setups.default);
  for (const [from, row] of Object.entries(matrix)) {
    for (const [to, minutes] of Object.entries(row)) setupMatrix[family(from) * familyCount + family(to)] = minutes;
  }
  for (let f = 0; f < familyCount; f++) setupMatrix[f * familyCount + f] = 0;

  const lineCount = instance.lines.length;
  const lineIndex = new Map(instance.lines.map((line, index) => [line.id, index] as const));
  const lineWindows = instance.lines.map((line) => {
    const raw: [number, number][] = line.windows?.length
      ? line.windows.map((w) => [minutesFrom(w.start, epochOffset), minutesFrom(w.end, epochOffset)])
      : [[0, horizon]];
    return normaliseWindows(raw, horizon);
  });
  const capabilities = instance.lines.map((line) => new Set(line.capabilities));

  const jobCount = instance.jobs.length;
  const jobFamily = new Int32Array(jobCount);
  const jobRelease = new Int32Array(jobCount);
  const jobDue = new Float64Array(jobCount);
  const jobWeight = new Float64Array(jobCount);
  const processing = new Int32Array(jobCount * lineCount).fill(-1);
  const eligibleStart = new Int32Array(jobCount + 1);
  const eligible: number[] = [];
  const jobIndex = new Map<string, number>();
  const unschedulable = new Map<number, string>();
  // jobs share few capability sets and few minute values: memoise both
  const eligibleBySignature = new Map<string, number[]>();
  const processingMemo = instance.lines.map(() => new Map<number, number>());

  const notBefore = options.notBefore === undefined ? 0 : minutesFrom(options.notBefore, epochOffset);
  instance.jobs.forEach((job, j) => {
    jobIndex.set(job.id, j);
    jobFamily[j] = family(job.family);
    const release = job.release === undefined ? 0 : minutesFrom(job.release, epochOffset);
    jobRelease[j] = Math.max(0, release, job.pinned ? 0 : notBefore);
    jobDue[j] = minutesFrom(job.due, epochOffset);
    jobWeight[j] = job.weight ?? 1;
    const signature = [...job.requires].sort().join("\u0000");
    let lines = eligibleBySignature.get(signature);
    if (!lines) {
      lines = [];
      for (let l = 0; l < lineCount; l++) if (job.requires.every((c) => capabilities[l]?.has(c))) lines.push(l);
      eligibleBySignature.set(signature, lines);
    }
    eligibleStart[j] = eligible.length;
    for (const l of lines) {
      eligible.push(l);
      const memo = processingMemo[l] as Map<number, number>;
      let p = memo.get(job.minutes);
      if (p === undefined) {
        p = processingMinutes(job.minutes, instance.lines[l]?.speed ?? 1);
        memo.set(job.minutes, p);
      }
      processing[j * lineCount + l] = p;
    }
  });
  eligibleStart[jobCount] = eligible.length;

  const initialFamily = Int32Array.from(instance.lines.map((line) => family(line.initialFamily)));
  const { accepted, isPinned } = acceptPins(
    { instance, epochOffset, horizon, lineIndex, lineWindows, processing, lineCount, jobFamily, jobRelease, initialFamily, setupMatrix, familyCount },
    unschedulable,
  );

  const lines: LineModel[] = instance.lines.map((line, l) => {
    const list = accepted[l] as AcceptedPin[];
    const pins: LinePins = {
      count: list.length,
      job: Int32Array.from(list.map((p) => p.job)),
      start: Int32Array.from(list.map((p) => p.start)),
      end: Int32Array.from(list.map((p) => p.end)),
      family: Int32Array.from(list.map((p) => p.family)),
      windowStart: Int32Array.from(list.map((p) => p.windowStart)),
      tardiness: Float64Array.from(list.map((p) => (jobWeight[p.job] as number) * Math.max(0, p.end - (jobDue[p.job] as number)))),
    };
    const [windowStart, windowEnd] = lineWindows[l] as [Int32Array, Int32Array];
    return { index: l, id: line.id, initialFamily: initialFamily[l] as number, windowStart, windowEnd, pins };
  });

  // ---- free jobs: everything else that some window of some eligible line can hold
  const freeJobs: number[] = [];
  for (let j = 0; j < jobCount; j++) {
    if (isPinned[j] || unschedulable.has(j)) continue;
    const from = eligibleStart[j] as number;
    const to = eligibleStart[j + 1] as number;
    const job = instance.jobs[j];
    if (from === to) {
      const missing = (job?.requires ?? []).filter((c) => !capabilities.some((set) => set.has(c)));
      unschedulable.set(j, missing.length ? `no line has capability ${missing.join(", ")}` : `no line has all of ${job?.requires.join(", ")}`);
      continue;
    }
    let fits = false;
    for (let e = from; e < to && !fits; e++) {
      const l = eligible[e] as number;
      const [starts, ends] = lineWindows[l] as [Int32Array, Int32Array];
      const p = processing[j * lineCount + l] as number;
      for (let w = 0; w < starts.length && !fits; w++) {
        fits = Math.max(starts[w] as number, jobRelease[j] as number) + p <= (ends[w] as number);
      }
    }
    if (!fits) {
      unschedulable.set(j, "no availability window of an eligible line can hold it after its release");
      continue;
    }
    freeJobs.push(j);
  }

  let anchorLine: Int32Array | null = null, anchorStart: Int32Array | null = null;
  if (options.anchors) {
    anchorLine = new Int32Array(jobCount).fill(-1);
    anchorStart = new Int32Array(jobCount);
    for (const [jobId, anchor] of options.anchors) {
      const j = jobIndex.get(jobId);
      const l = lineIndex.get(anchor.lineId);
      if (j === undefined || l === undefined) continue;
      anchorLine[j] = l;
      anchorStart[j] = minutesFrom(anchor.start, epochOffset);
    }
  }

  return {
    instance,
    epochOffset,
    horizon,
    jobCount,
    lineCount,
    familyCount,
    jobIds: instance.jobs.map((job) => job.id),
    lineIds: instance.lines.map((line) => line.id),
    jobIndex,
    lineIndex,
    familyIndex,
    jobFamily,
    jobRelease,
    jobDue,
    jobWeight,
    processing,
    eligibleStart,
    eligibleLines: Int32Array.from(eligible),
    setupMatrix,
    lines,
    isPinned,
    freeJobs: Int32Array.from(freeJobs),
    unschedulable,
    anchorLine,
    anchorStart,
  };
}
