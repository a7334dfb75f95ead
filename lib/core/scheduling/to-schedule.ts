import { epochMinutesToIso } from "./iso-minutes";
import type { Schedule } from "./schedule-schema";
import type { Solution } from "./solution";

export const NO_ROOM_REASON = "no room on any eligible line before the horizon end";

/** The FORMAT.md schedule of a solution: assignments by line and start, unscheduled jobs with reasons. */
export function toSchedule(solution: Solution, extraReasons: ReadonlyMap<number, string> = new Map()): Schedule {
  const model = solution.model;
  const iso = (minutes: number) => epochMinutesToIso(model.epochOffset + minutes);
  const assignments: Schedule["assignments"] = [];
  const placed = new Uint8Array(model.jobCount);
  let weightedTardiness = 0, setupMinutes = 0, lateJobs = 0, makespan = -1;
  for (const line of solution.lines) {
    const pins = model.lines[line.line]?.pins;
    const items: [job: number, start: number, setup: number][] = [];
    for (let k = 0; k < line.length; k++) {
      const start = line.start[k] as number;
      if (start >= 0) items.push([line.jobs[k] as number, start, line.setup[k] as number]);
    }
    for (let q = 0; q < (pins?.count ?? 0); q++) {
      items.push([pins?.job[q] as number, pins?.start[q] as number, line.pinSetup[q] as number]);
    }
    items.sort((a, b) => a[1] - b[1]);
    for (const [j, start, setup] of items) {
      const end = start + (model.processing[j * model.lineCount + line.line] as number);
      placed[j] = 1;
      assignments.push({ jobId: model.jobIds[j] as string, lineId: model.lineIds[line.line] as string, start: iso(start), end: iso(end), setupMinutes: setup });
      const late = end - (model.jobDue[j] as number);
      if (late > 0) {
        weightedTardiness += (model.jobWeight[j] as number) * late;
        lateJobs++;
      }
      setupMinutes += setup;
      if (end > makespan) makespan = end;
    }
  }
  const unscheduled: Schedule["unscheduled"] = [];
  for (let j = 0; j < model.jobCount; j++) {
    if (placed[j]) continue;
    const reason = model.unschedulable.get(j) ?? extraReasons.get(j) ?? NO_ROOM_REASON;
    unscheduled.push({ jobId: model.jobIds[j] as string, reason });
  }
  return {
    assignments,
    unscheduled,
    metrics: { weightedTardiness, setupMinutes, makespan: makespan >= 0 ? iso(makespan) : null, lateJobs },
  };
}
