import type { PlanningJob } from "@/lib/core/planning/planning-model";
import type { OutboxEventInput } from "../realtime/outbox";

/** A planner's change to a job, for the board of every planner of the manufacturer. */
export function jobPlanned(manufacturerId: string, job: Pick<PlanningJob, "id" | "lineId" | "start" | "end" | "status" | "locked" | "version" | "setupMinutes">, by: string): OutboxEventInput {
  return {
    type: "board.job-changed",
    rooms: [`manufacturer:${manufacturerId}`],
    payload: {
      jobId: job.id,
      lineId: job.lineId,
      start: job.start === null ? null : new Date(job.start).toISOString(),
      end: job.end === null ? null : new Date(job.end).toISOString(),
      status: job.status,
      locked: job.locked,
      version: job.version,
      setupMinutes: job.setupMinutes,
      by,
    },
  };
}

export function boardChanged(manufacturerId: string, reason: string, by: string): OutboxEventInput {
  return { type: "board.changed", rooms: [`manufacturer:${manufacturerId}`], payload: { reason, by } };
}
