import type { Instance } from "./instance-schema";
import { minutesFrom } from "./iso-minutes";

export interface AcceptedPin {
  job: number;
  start: number;
  end: number;
  family: number;
  /** start of the earliest window holding the pinned job: its setup may not begin before it */
  windowStart: number;
}

/** What the pin check needs of the instance being compiled. */
export interface PinContext {
  instance: Instance;
  epochOffset: number;
  horizon: number;
  lineIndex: ReadonlyMap<string, number>;
  lineWindows: readonly [Int32Array, Int32Array][];
  processing: Int32Array;
  lineCount: number;
  jobFamily: Int32Array;
  jobRelease: Int32Array;
  initialFamily: Int32Array;
  setupMatrix: Int32Array;
  familyCount: number;
}

interface PinCandidate {
  job: number;
  line: number;
  start: number;
}

/** earliest-starting window holding [from, to], or -1 */
function windowHolding(starts: Int32Array, ends: Int32Array, from: number, to: number): number {
  for (let w = 0; w < starts.length; w++) {
    if ((starts[w] as number) <= from && to <= (ends[w] as number)) return w;
  }
  return -1;
}

/**
 * Pinned jobs, in start order, each checked against the pins accepted before it on its line
 * (capability, release, horizon, overlap, its setup inside one window). A pin that fails is
 * unscheduled with the reason; the accepted ones are fixed obstacles for everything else.
 */
export function acceptPins(context: PinContext, unschedulable: Map<number, string>): { accepted: AcceptedPin[][]; isPinned: Uint8Array } {
  const { instance, epochOffset, horizon, lineIndex, lineWindows, processing, lineCount, jobFamily, jobRelease, initialFamily, setupMatrix, familyCount } = context;
  const candidates: PinCandidate[] = [];
  const isPinned = new Uint8Array(instance.jobs.length);
  instance.jobs.forEach((job, j) => {
    const place = job.pinned;
    if (!place) return;
    const line = lineIndex.get(place.lineId);
    if (line === undefined) {
      unschedulable.set(j, `pinned to unknown line ${place.lineId}`);
      return;
    }
    candidates.push({ job: j, line, start: minutesFrom(place.start, epochOffset) });
  });
  candidates.sort((a, b) => a.start - b.start || a.job - b.job);
  const accepted: AcceptedPin[][] = instance.lines.map(() => []);
  const setupOf = (from: number, to: number) => (from < 0 || from === to ? 0 : (setupMatrix[from * familyCount + to] as number));

  const refusal = (c: PinCandidate): string | AcceptedPin => {
    const [starts, ends] = lineWindows[c.line] as [Int32Array, Int32Array];
    const lineId = instance.lines[c.line]?.id;
    const p = processing[c.job * lineCount + c.line] as number;
    if (p < 0) return `pinned line ${lineId} lacks a required capability`;
    const end = c.start + p;
    const f = jobFamily[c.job] as number;
    if (c.start < (jobRelease[c.job] as number)) return "pinned start is before its release";
    const list = accepted[c.line] as AcceptedPin[];
    let at = 0;
    while (at < list.length && (list[at] as AcceptedPin).start < c.start) at++;
    const prev = list[at - 1];
    const next = list[at];
    const setupBefore = setupOf(prev ? prev.family : (initialFamily[c.line] as number), f);
    if (c.start - setupBefore < 0 || end > horizon) return "pinned placement (with its setup) lies outside the horizon";
    if (c.start - setupBefore < (prev ? prev.end : 0)) return `pinned placement overlaps pinned job ${prev ? instance.jobs[prev.job]?.id : ""}`.trim();
    const w = windowHolding(starts, ends, c.start - setupBefore, end);
    if (w < 0) return `pinned placement (with its ${setupBefore} min setup) is not inside one availability window of ${lineId}`;
    if (next) {
      const setupAfter = setupOf(f, next.family);
      if (next.start - setupAfter < end || windowHolding(starts, ends, next.start - setupAfter, next.end) < 0) {
        return `pinned placement leaves no room for the setup of pinned job ${instance.jobs[next.job]?.id}`;
      }
    }
    const first = windowHolding(starts, ends, c.start, end);
    return { job: c.job, start: c.start, end, family: f, windowStart: starts[first] as number };
  };
  for (const c of candidates) {
    const result = refusal(c);
    if (typeof result === "string") {
      unschedulable.set(c.job, `${result} (${instance.jobs[c.job]?.id})`);
      continue;
    }
    const list = accepted[c.line] as AcceptedPin[];
    let at = 0;
    while (at < list.length && (list[at] as AcceptedPin).start < c.start) at++;
    list.splice(at, 0, result);
    isPinned[c.job] = 1;
  }

  return { accepted, isPinned };
}
