import type { Objective } from "@/lib/core/scheduling/objective";
import type { Schedule } from "@/lib/core/scheduling/schedule-schema";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { writeOutboxEvent } from "../realtime/outbox";
import { insertPlanAssignments } from "./insert-plan-assignments";

export type ProposalInput = {
  manufacturerId: string;
  createdById: string;
  source: "scheduler" | "repair";
  schedule: Schedule;
  objective: Objective;
  /** The versions of the planned jobs when the run started: accepting checks them. */
  baseVersions: Record<string, number>;
  notes: string[];
  elapsedMs: number;
  iterations: number;
  moved?: string[];
};

/**
 * Stores a scheduler result as a proposal (a Plan without a version), replacing any older
 * open proposal of the manufacturer, and tells the board.
 */
export async function saveProposal(input: ProposalInput): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.plan.updateMany({ where: { manufacturerId: input.manufacturerId, status: "proposal" }, data: { status: "discarded" } });
    const lineOrder = new Map<string, number>();
    const plan = await tx.plan.create({
      data: {
        manufacturerId: input.manufacturerId,
        status: "proposal",
        source: input.source,
        createdById: input.createdById,
        unscheduledJobs: input.objective.unscheduled,
        weightedTardiness: input.objective.weightedTardiness,
        setupMinutes: input.objective.setupMinutes,
        makespan: input.schedule.assignments.length ? new Date(Math.max(...input.schedule.assignments.map((a) => Date.parse(a.end)))) : null,
        details: {
          baseVersions: input.baseVersions,
          unscheduled: input.schedule.unscheduled,
          notes: input.notes,
          elapsedMs: input.elapsedMs,
          iterations: input.iterations,
          moved: input.moved ?? null,
        } as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    const sorted = [...input.schedule.assignments].sort((a, b) => a.lineId.localeCompare(b.lineId) || a.start.localeCompare(b.start));
    await insertPlanAssignments(
      tx,
      plan.id,
      sorted.map((assignment) => {
        const sequence = lineOrder.get(assignment.lineId) ?? 0;
        lineOrder.set(assignment.lineId, sequence + 1);
        return { jobId: assignment.jobId, lineId: assignment.lineId, sequence, start: new Date(assignment.start), end: new Date(assignment.end), setupMinutes: assignment.setupMinutes };
      }),
    );
    await writeOutboxEvent(tx, {
      type: "scheduler.proposal",
      rooms: [`manufacturer:${input.manufacturerId}`],
      payload: { planId: plan.id, source: input.source, objective: { ...input.objective }, moved: input.moved?.length ?? null },
    });
    return plan.id;
  });
}
