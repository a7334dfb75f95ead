import type { Instance } from "./instance-schema";
import type { Schedule } from "./schedule-schema";

/**
 * An independent checker of FORMAT.md v1: it shares no code with the solver (its own time
 * parsing, processing times, setup lookup and sequence derivation), so a bug in the engine
 * cannot hide itself. Tests run every schedule the solver makes through it; repair runs the
 * incoming plan through it. Violations start with a code: format, unknown-job, unknown-line,
 * duplicate, missing, capability, duration, setup-value, overlap, setup-gap, window, release,
 * pinned, horizon.
 */
export interface ScheduleCheck {
  feasible: boolean;
  violations: string[];
  unscheduled: number;
  weightedTardiness: number;
  setupMinutes: number;
  /** minutes from the horizon start to the latest end, 0 when nothing is scheduled */
  makespan: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]00:?00)$/;

function minutes(iso: string | undefined): number | null {
  if (iso === undefined) return null;
  const m = ISO.exec(iso);
  if (!m) return null;
  if ((m[6] !== undefined && m[6] !== "00") || (m[7] !== undefined && !/^0+$/.test(m[7]))) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return ms / 60000;
}

/** ceil(minutes / speed) on the decimal digits of speed (no floating-point division) */
function duration(jobMinutes: number, speed: number): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(speed));
  if (!m) return Math.ceil(jobMinutes / speed - 1e-9);
  const digits = (m[2] ?? "").length;
  const scaled = BigInt(`${m[1]}${m[2] ?? ""}`);
  const dividend = BigInt(jobMinutes) * 10n ** BigInt(digits);
  return Number((dividend + scaled - 1n) / scaled);
}

export function checkSchedule(instance: Instance, schedule: Schedule): ScheduleCheck {
  const violations: string[] = [];
  const horizonStart = minutes(instance.horizon.start) as number;
  const horizonEnd = minutes(instance.horizon.end) as number;
  const lines = new Map(instance.lines.map((line) => [line.id, line]));
  const jobs = new Map(instance.jobs.map((job) => [job.id, job]));
  const setupBetween = (from: string | undefined, to: string): number => {
    if (from === undefined || from === to) return 0;
    return instance.setups.matrix?.[from]?.[to] ?? instance.setups.default;
  };

  type Item = { jobId: string; start: number; end: number; declared: number; family: string; due: number; weight: number };
  const byLine = new Map<string, Item[]>();
  const assigned = new Set<string>();
  for (const a of schedule.assignments) {
    const job = jobs.get(a.jobId);
    if (!job) {
      violations.push(`unknown-job: ${a.jobId}`);
      continue;
    }
    if (assigned.has(a.jobId)) {
      violations.push(`duplicate: ${a.jobId} assigned twice`);
      continue;
    }
    assigned.add(a.jobId);
    const line = lines.get(a.lineId);
    if (!line) {
      violations.push(`unknown-line: ${a.jobId} on ${a.lineId}`);
      continue;
    }
    const start = minutes(a.start), end = minutes(a.end);
    if (start === null || end === null) {
      violations.push(`format: ${a.jobId} times are not whole-minute UTC`);
      continue;
    }
    const lacking = job.requires.filter((c) => !line.capabilities.includes(c));
    if (lacking.length) violations.push(`capability: ${a.jobId} needs ${lacking.join(", ")} on ${a.lineId}`);
    const expected = duration(job.minutes, line.speed ?? 1);
    if (end - start !== expected) violations.push(`duration: ${a.jobId} runs ${end - start}, expected ${expected}`);
    const release = minutes(job.release);
    if (release !== null && start < release) violations.push(`release: ${a.jobId} starts before its release`);
    if (job.pinned && (job.pinned.lineId !== a.lineId || minutes(job.pinned.start) !== start)) {
      violations.push(`pinned: ${a.jobId} is not at its pinned place`);
    }
    const list = byLine.get(a.lineId) ?? [];
    list.push({ jobId: a.jobId, start, end, declared: a.setupMinutes, family: job.family, due: minutes(job.due) as number, weight: job.weight ?? 1 });
    byLine.set(a.lineId, list);
  }
  const unscheduled = new Set<string>();
  for (const u of schedule.unscheduled) {
    if (!jobs.has(u.jobId)) violations.push(`unknown-job: unscheduled ${u.jobId}`);
    else if (unscheduled.has(u.jobId) || assigned.has(u.jobId)) violations.push(`duplicate: ${u.jobId} listed again as unscheduled`);
    unscheduled.add(u.jobId);
  }
  let missing = 0;
  for (const id of jobs.keys()) {
    if (!assigned.has(id) && !unscheduled.has(id)) {
      violations.push(`missing: ${id}`);
      missing++;
    }
  }

  let weightedTardiness = 0, setupMinutes = 0, latest: number | null = null;
  for (const [lineId, items] of byLine) {
    const line = lines.get(lineId);
    if (!line) continue;
    const windows = line.windows?.length ? line.windows.map((w) => [minutes(w.start) as number, minutes(w.end) as number]) : [[horizonStart, horizonEnd]];
    items.sort((a, b) => a.start - b.start || a.end - b.end);
    let previous: Item | undefined;
    let runningEnd = -Infinity;
    for (const item of items) {
      const setup = setupBetween(previous ? previous.family : line.initialFamily, item.family);
      setupMinutes += setup;
      if (item.declared !== setup) violations.push(`setup-value: ${item.jobId} declares ${item.declared}, needs ${setup}`);
      if (previous) {
        if (item.start < runningEnd) violations.push(`overlap: ${item.jobId} on ${lineId}`);
        else if (item.start - setup < previous.end) violations.push(`setup-gap: ${item.jobId} on ${lineId}`);
      }
      runningEnd = Math.max(runningEnd, item.end);
      const from = item.start - setup;
      if (!windows.some(([s, e]) => (s as number) <= from && item.end <= (e as number))) violations.push(`window: ${item.jobId} on ${lineId}`);
      if (from < horizonStart || item.end > horizonEnd) violations.push(`horizon: ${item.jobId} on ${lineId}`);
      if (item.end > item.due) weightedTardiness += item.weight * (item.end - item.due);
      if (latest === null || item.end > latest) latest = item.end;
      previous = item;
    }
  }
  return {
    feasible: violations.length === 0,
    violations,
    unscheduled: unscheduled.size + missing,
    weightedTardiness,
    setupMinutes,
    makespan: latest === null ? 0 : latest - horizonStart,
  };
}
