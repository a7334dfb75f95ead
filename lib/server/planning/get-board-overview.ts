import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";

/** The lines of the actor's manufacturer with their state, and the jobs by status. */
export async function getBoardOverview(actor: Actor) {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "board.read", { manufacturerId });
  const [lines, jobsByStatus] = await Promise.all([
    db.line.findMany({
      where: { manufacturerId },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, capabilities: true, speed: true, status: true, online: true, currentFamily: true, timeZone: true },
    }),
    db.productionJob.groupBy({ by: ["status"], where: { manufacturerId }, _count: { _all: true } }),
  ]);
  return { lines, jobsByStatus: Object.fromEntries(jobsByStatus.map((row) => [row.status, row._count._all])) };
}
