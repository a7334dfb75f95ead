import { epochMinutesToIso } from "./iso-minutes";
import type { Model } from "./model";
import type { Objective } from "./objective";
import type { Schedule } from "./schedule-schema";

/** One job on one line: start and the setup right before it, minutes from the horizon start. */
export interface PlacedJob {
  job: number;
  line: number;
  start: number;
  setup: number;
}

export const NO_ROOM_REASON = "no room on any eligible line before the horizon end";

/**
 * The FORMAT.md schedule of placed jobs (assignments by line, then start) and its objective;
 * every job not placed is listed as unscheduled with its reason.
 */
export function buildSchedule(
  model: Model,
  placedJobs: readonly PlacedJob[],
  extraReasons: ReadonlyMap<number, string> = new Map(),
): { schedule: Schedule; objective: Objective } {
  const iso = (minutes: number) => epochMinutesToIso(model.epochOffset + minutes);
  const items = [...placedJobs].sort((a, b) => a.line - b.line || a.start - b.start);
  const placed = new Uint8Array(model.jobCount);
  const assignments: Schedule["assignments"] = [];
  let weightedTardiness = 0, setupMinutes = 0, lateJobs = 0, makespan = -1;
  for (const { job, line, start, setup } of items) {
    const end = start + (model.processing[job * model.lineCount + line] as number);
    placed[job] = 1;
    assignments.push({ jobId: model.jobIds[job] as string, lineId: model.lineIds[line] as string, start: iso(start), end: iso(end), setupMinutes: setup });
    const late = end - (model.jobDue[job] as number);
    if (late > 0) {
      weightedTardiness += (model.jobWeight[job] as number) * late;
      lateJobs++;
    }
    setupMinutes += setup;
    if (end > makespan) makespan = end;
  }
  const unscheduled: Schedule["unscheduled"] = [];
  for (let j = 0; j < model.jobCount; j++) {
    if (placed[j]) continue;
    unscheduled.push({ jobId: model.jobIds[j] as string, reason: model.unschedulable.get(j) ?? extraReasons.get(j) ?? NO_ROOM_REASON });
  }
  return {
    schedule: {
      assignments,
      unscheduled,
      metrics: { weightedTardiness, setupMinutes, makespan: makespan >= 0 ? iso(makespan) : null, lateJobs },
    },
    objective: { unscheduled: unscheduled.length, weightedTardiness, setupMinutes, makespan: Math.max(0, makespan) },
  };
}
