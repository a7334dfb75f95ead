import type { Tx } from "../db";
import { uuidsV7 } from "../db/uuid-v7";

export type NewPlanAssignment = { jobId: string; lineId: string; sequence: number; start: Date; end: Date; setupMinutes: number };

/**
 * A plan's assignments (every planned job: a hundred or more per proposal and per publish) in
 * one INSERT over arrays. Prisma compiles every createMany anew (its query-plan cache does not
 * hold them), which cost more than the insert itself.
 */
export async function insertPlanAssignments(tx: Tx, planId: string, assignments: NewPlanAssignment[]): Promise<void> {
  if (assignments.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PlanAssignment" ("id", "planId", "jobId", "lineId", "sequence", "start", "end", "setupMinutes")
    SELECT a.id, ${planId}, a.job, a.line, a.seq, a.start, a.finish, a.setup
    FROM unnest(${uuidsV7(assignments.length)}::text[], ${assignments.map((row) => row.jobId)}::text[], ${assignments.map((row) => row.lineId)}::text[],
                ${assignments.map((row) => row.sequence)}::int[], ${assignments.map((row) => row.start.toISOString())}::timestamp(3)[],
                ${assignments.map((row) => row.end.toISOString())}::timestamp(3)[], ${assignments.map((row) => row.setupMinutes)}::int[])
      AS a(id, job, line, seq, start, finish, setup)`;
}
