import type { ProposalDecision } from "@/lib/core/planning/planning-schemas";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import { AppError, conflict } from "../errors";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { boardChanged } from "./job-events";
import { requirePlanner } from "./load-planning-state";

type ProposalDetails = { baseVersions: Record<string, number>; unscheduled?: Array<{ jobId: string; reason: string }> };

/**
 * Accepting a proposal makes it the working plan (publishing sends it to the lines); a job
 * someone changed since the run started makes the whole acceptance a 409 — nobody's edit is
 * silently overwritten. Discarding just closes it.
 */
export async function decideProposal(actor: Actor, input: ProposalDecision, address: string | null) {
  const planner = requirePlanner(actor, "plan.run");
  const result = await db.$transaction(async (tx) => {
    const plan = await tx.plan.findFirst({
      where: { id: input.planId, manufacturerId: planner.organizationId },
      select: { id: true, status: true, details: true, assignments: { select: { jobId: true, lineId: true, start: true, end: true, setupMinutes: true } } },
    });
    if (!plan) throw new AppError("PROPOSAL_NOT_FOUND", "Not found.", { status: 404 });
    if (plan.status !== "proposal") throw conflict("PROPOSAL_CLOSED", `This proposal was already ${plan.status}.`);
    if (input.decision === "discard") {
      await tx.plan.update({ where: { id: plan.id }, data: { status: "discarded" } });
      await writeOutboxEvent(tx, boardChanged(planner.organizationId, "proposal-discarded", planner.userId));
      return { planId: plan.id, status: "discarded" as const, changed: 0 };
    }
    const details = plan.details as unknown as ProposalDetails;
    const jobIds = Object.keys(details.baseVersions);
    const jobs = await tx.productionJob.findMany({ where: { id: { in: jobIds }, manufacturerId: planner.organizationId }, select: { id: true, code: true, version: true, status: true, lineId: true, start: true } });
    const stale = jobs.filter((job) => job.version !== details.baseVersions[job.id] || !["ready", "scheduled", "queued"].includes(job.status));
    if (stale.length > 0 || jobs.length !== jobIds.length) {
      throw conflict("PROPOSAL_STALE", `Jobs changed since the scheduler ran (${stale.map((job) => job.code).slice(0, 5).join(", ") || "some were removed"}); run it again.`, {
        jobs: stale.map((job) => job.code),
      });
    }
    const byId = new Map(jobs.map((job) => [job.id, job]));
    const moves = plan.assignments.map((assignment) => {
      const job = byId.get(assignment.jobId)!;
      const same = job.lineId === assignment.lineId && job.start?.getTime() === assignment.start.getTime();
      // A published job that keeps its place stays queued; any change waits for the next publish.
      return { ...assignment, version: job.version, same, status: same && job.status === "queued" ? "queued" : "scheduled" };
    });
    const changed = moves.filter((move) => !move.same).length;
    const updated = await placeJobs(tx, moves);
    if (updated !== moves.length) throw conflict("PROPOSAL_STALE", "Jobs changed while the proposal was being accepted; run the scheduler again.");
    const unscheduled = new Set((details.unscheduled ?? []).map((entry) => entry.jobId));
    if (unscheduled.size > 0) {
      await tx.productionJob.updateMany({
        where: { id: { in: [...unscheduled] }, manufacturerId: planner.organizationId },
        data: { status: "ready", lineId: null, start: null, end: null, setupMinutes: null, version: { increment: 1 } },
      });
    }
    await tx.plan.update({ where: { id: plan.id }, data: { status: "accepted" } });
    await recordAudit(tx, { actor: planner, action: "plan.accept-proposal", targetType: "plan", targetId: plan.id, address, details: { changed } });
    await writeOutboxEvent(tx, boardChanged(planner.organizationId, "proposal-accepted", planner.userId));
    return { planId: plan.id, status: "accepted" as const, changed };
  });
  nudgeOutbox();
  return result;
}

/**
 * Every assignment's job placed in one statement (a proposal places every job of the plan; one
 * UPDATE each was most of an acceptance), each only at the version the proposal was checked
 * against. Returns how many were placed.
 */
async function placeJobs(
  tx: Tx,
  moves: Array<{ jobId: string; version: number; lineId: string; start: Date; end: Date; setupMinutes: number; status: string }>,
): Promise<number> {
  if (moves.length === 0) return 0;
  const now = clock.now();
  return tx.$executeRaw`
    UPDATE "ProductionJob" AS j SET "lineId" = v.line, "start" = v.start, "end" = v.finish, "setupMinutes" = v.setup, "status" = v.status::"JobStatus",
      "version" = j."version" + 1, "updatedAt" = ${now}::timestamp(3)
    FROM unnest(${moves.map((move) => move.jobId)}::text[], ${moves.map((move) => move.version)}::int[], ${moves.map((move) => move.lineId)}::text[],
                ${moves.map((move) => move.start.toISOString())}::timestamp(3)[], ${moves.map((move) => move.end.toISOString())}::timestamp(3)[],
                ${moves.map((move) => move.setupMinutes)}::int[], ${moves.map((move) => move.status)}::text[]) AS v(id, version, line, start, finish, setup, status)
    WHERE j."id" = v.id AND j."version" = v.version`;
}
