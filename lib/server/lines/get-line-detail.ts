import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { loadLineForActor } from "./load-line-for-actor";

/** One line for its page: live state, its queue in order, recent events and commands. */
export async function getLineDetail(actor: Actor, lineId: string) {
  const { line } = await loadLineForActor(actor, "line.read", lineId);
  const [state, jobs, events, commands] = await Promise.all([
    db.line.findUniqueOrThrow({
      where: { id: line.id },
      select: {
        status: true, statusReason: true, online: true, lastSeenAt: true, lastEventAt: true, lastSeq: true, ackedPlanVersion: true, ackedPlanAt: true,
        agentVersion: true, agentSession: true, agentFeatures: true, agentTimeScale: true, currentFamily: true, capabilities: true,
      },
    }),
    db.productionJob.findMany({
      where: { lineId: line.id, status: { in: ["queued", "running"] } },
      orderBy: [{ start: { sort: "asc", nulls: "last" } }, { code: "asc" }],
      take: 200,
      select: { id: true, code: true, family: true, status: true, interruptedAt: true, interruptCause: true, progress: true, goodCount: true, scrapCount: true, start: true, end: true, setupMinutes: true, minutes: true },
    }),
    db.lineEvent.findMany({ where: { lineId: line.id }, orderBy: { seq: "desc" }, take: 30, select: { seq: true, type: true, agentAt: true, jobId: true, payload: true } }),
    db.lineCommand.findMany({ where: { lineId: line.id }, orderBy: { createdAt: "desc" }, take: 10, select: { id: true, kind: true, jobId: true, status: true, reason: true, createdAt: true } }),
  ]);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    line: { ...line, ...state, lastSeenAt: iso(state.lastSeenAt), lastEventAt: iso(state.lastEventAt), ackedPlanAt: iso(state.ackedPlanAt) },
    queue: jobs.map((job) => ({ ...job, interrupted: job.interruptedAt !== null, interruptedAt: iso(job.interruptedAt), start: iso(job.start), end: iso(job.end) })),
    events: events.map((event) => ({ ...event, agentAt: event.agentAt.toISOString() })),
    commands: commands.map((command) => ({ ...command, createdAt: command.createdAt.toISOString() })),
  };
}

export type LineDetail = Awaited<ReturnType<typeof getLineDetail>>;
