import type { Anchor } from "./compile-instance";
import type { Instance, Job, TimeWindow } from "./instance-schema";
import { epochMinutesToIso, isoToEpochMinutes } from "./iso-minutes";
import type { Plan } from "./plan-schema";
import type { RepairEvent } from "./repair-event-schema";

/** A repair input that does not fit its plan (unknown job or line, duplicate id). */
export class RepairInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RepairInputError";
  }
}

export interface DisruptedPlan {
  /** the instance after the event; jobs that had started are pinned where they run */
  instance: Instance;
  /** every job of the plan that may move, at its place in the plan */
  anchors: Map<string, Anchor>;
  started: string[];
  cancelled: string[];
  added: string[];
  /** what the event could not change, and why */
  notes: string[];
}

const minutes = (iso: string) => isoToEpochMinutes(iso) as number;

/** The line's windows (the horizon when it has none) without [from, to). */
function cutWindows(instance: Instance, windows: readonly TimeWindow[] | undefined, from: number, to: number): TimeWindow[] {
  const source = windows?.length ? windows : [instance.horizon];
  const out: TimeWindow[] = [];
  for (const w of source) {
    const s = minutes(w.start), e = minutes(w.end);
    if (e <= from || s >= to) {
      out.push(w);
      continue;
    }
    if (s < from) out.push({ start: w.start, end: epochMinutesToIso(from) });
    if (e > to) out.push({ start: epochMinutesToIso(to), end: w.end });
  }
  return out;
}

/**
 * Applies a repair event to a published plan. Jobs that started before `event.at` are pinned
 * where they run; a line going down while such a job runs stops after it (the job finishes).
 * Every other planned job becomes an anchor: repair keeps it there when it still can.
 */
export function applyRepairEvent(plan: Plan, event: RepairEvent): DisruptedPlan {
  const at = minutes(event.at);
  const lines = plan.instance.lines.map((line) => ({ ...line }));
  const jobs = new Map<string, Job>(plan.instance.jobs.map((job) => [job.id, { ...job }]));
  const assignment = new Map(plan.schedule.assignments.map((a) => [a.jobId, a]));
  const startedIds = new Set(plan.schedule.assignments.filter((a) => minutes(a.start) < at).map((a) => a.jobId));
  const cancelled: string[] = [], added: string[] = [], notes: string[] = [];
  const draft: Instance = { ...plan.instance, lines };

  for (const [index, change] of event.disruptions.entries()) {
    const where = `disruptions[${index}]`;
    switch (change.type) {
      case "line-down": {
        const line = lines.find((l) => l.id === change.lineId);
        if (!line) throw new RepairInputError(`${where}.lineId: unknown line ${change.lineId}`);
        let from = minutes(change.from);
        const to = minutes(change.to);
        // a job already running when the line stops is let finish
        for (const id of startedIds) {
          const a = assignment.get(id);
          if (a && a.lineId === line.id && minutes(a.start) < to && minutes(a.end) > from) from = Math.max(from, minutes(a.end));
        }
        if (from < to) line.windows = cutWindows(draft, line.windows, from, to);
        break;
      }
      case "release-moved": {
        const job = jobs.get(change.jobId);
        if (!job) throw new RepairInputError(`${where}.jobId: unknown job ${change.jobId}`);
        if (startedIds.has(change.jobId)) notes.push(`${change.jobId} had started: its release stays`);
        else job.release = change.release;
        break;
      }
      case "jobs-added": {
        for (const [k, job] of change.jobs.entries()) {
          if (jobs.has(job.id)) throw new RepairInputError(`${where}.jobs[${k}].id: job ${job.id} exists already`);
          jobs.set(job.id, { ...job });
          added.push(job.id);
        }
        break;
      }
      case "job-cancelled": {
        if (!jobs.delete(change.jobId)) throw new RepairInputError(`${where}.jobId: unknown job ${change.jobId}`);
        startedIds.delete(change.jobId);
        cancelled.push(change.jobId);
        break;
      }
    }
  }

  const anchors = new Map<string, Anchor>();
  for (const job of jobs.values()) {
    const a = assignment.get(job.id);
    if (!a) continue;
    if (startedIds.has(job.id)) job.pinned = { lineId: a.lineId, start: a.start };
    else if (!job.pinned) anchors.set(job.id, { lineId: a.lineId, start: a.start });
  }
  return {
    instance: { ...draft, jobs: [...jobs.values()] },
    anchors,
    started: [...startedIds],
    cancelled,
    added,
    notes,
  };
}
