import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";

const LINE_FIELDS = {
  id: true, code: true, name: true, capabilities: true, speed: true, timeZone: true, currentFamily: true, status: true, statusReason: true,
  online: true, lastSeenAt: true, lastEventAt: true, lastSeq: true, ackedPlanVersion: true, agentVersion: true,
} as const;

/** Live state of the actor's lines for the board: connection, status, the job on the line, queue length. */
export async function listLinesLive(actor: Actor) {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "board.read", { manufacturerId });
  const [lines, running, queued] = await Promise.all([
    db.line.findMany({ where: { manufacturerId }, orderBy: { code: "asc" }, select: LINE_FIELDS }),
    db.productionJob.findMany({
      where: { manufacturerId, status: "running", lineId: { not: null } },
      select: { id: true, code: true, lineId: true, progress: true, goodCount: true, scrapCount: true, interruptedAt: true },
    }),
    db.productionJob.groupBy({ by: ["lineId"], where: { manufacturerId, status: "queued", lineId: { not: null } }, _count: { _all: true } }),
  ]);
  const queueLength = new Map(queued.map((row) => [row.lineId, row._count._all]));
  return {
    manufacturerId: manufacturerId!,
    lines: lines.map((line) => {
      const job = running.find((candidate) => candidate.lineId === line.id);
      return {
        ...line,
        lastSeenAt: line.lastSeenAt?.toISOString() ?? null,
        lastEventAt: line.lastEventAt?.toISOString() ?? null,
        queueLength: queueLength.get(line.id) ?? 0,
        currentJob: job ? { id: job.id, code: job.code, progress: job.progress, goodCount: job.goodCount, scrapCount: job.scrapCount, interrupted: job.interruptedAt !== null } : null,
      };
    }),
  };
}

export type LineLive = Awaited<ReturnType<typeof listLinesLive>>["lines"][number];
