import { buildSchedule, type PlacedJob } from "./build-schedule";
import type { Objective } from "./objective";
import type { Schedule } from "./schedule-schema";
import type { Solution } from "./solution";

/** Every job a solution places, pinned ones included, with its decoded start and setup. */
export function placedJobsOf(solution: Solution): PlacedJob[] {
  const placed: PlacedJob[] = [];
  for (const line of solution.lines) {
    for (let k = 0; k < line.length; k++) {
      const start = line.start[k] as number;
      if (start >= 0) placed.push({ job: line.jobs[k] as number, line: line.line, start, setup: line.setup[k] as number });
    }
    const pins = solution.model.lines[line.line]?.pins;
    for (let q = 0; q < (pins?.count ?? 0); q++) {
      placed.push({ job: pins?.job[q] as number, line: line.line, start: pins?.start[q] as number, setup: line.pinSetup[q] as number });
    }
  }
  return placed;
}

/** The FORMAT.md schedule of a solution, and its objective. */
export function toSchedule(solution: Solution, extraReasons?: ReadonlyMap<number, string>): { schedule: Schedule; objective: Objective } {
  return buildSchedule(solution.model, placedJobsOf(solution), extraReasons);
}
