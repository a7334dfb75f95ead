import { CommandReplySchema, type LineCommandMessage } from "@/lib/core/line-protocol";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { askLineAgent } from "./agent-sockets";
import { lineCommandUpdated } from "./line-live-events";
import type { SendLineCommand } from "./line-command-schemas";
import { loadLineForActor } from "./load-line-for-actor";

const ACCEPT_TIMEOUT_MS = 5_000;

/**
 * A planner's command to a line. It is recorded first (its id is the correlation id), then sent;
 * the agent's answer — accepted, or rejected with a reason — or the lack of one (offline, timed
 * out) is recorded too, so the planner always sees where a command stands. "Done" arrives later
 * with the event that carries the correlation id (persist-line-events.ts).
 */
export async function sendLineCommand(actor: Actor, lineId: string, input: SendLineCommand, address: string | null) {
  const { line, actor: planner } = await loadLineForActor(actor, "line.command", lineId);
  if (input.jobId) {
    const job = await db.productionJob.findFirst({ where: { id: input.jobId, lineId: line.id, status: { in: ["queued", "running"] } }, select: { id: true } });
    if (!job) throw new AppError("JOB_NOT_ON_LINE", "The job is not queued to this line.", { status: 422, details: { fields: [{ path: "jobId", message: "Not on this line's queue." }] } });
  }
  const command = await db.$transaction(async (tx) => {
    const created = await tx.lineCommand.create({ data: { lineId: line.id, kind: input.kind, jobId: input.jobId, requestedById: planner.userId, createdAt: clock.now() } });
    await recordAudit(tx, { actor, action: "line.command", targetType: "line", targetId: line.id, address, details: { commandId: created.id, kind: input.kind, jobId: input.jobId } });
    return created;
  });

  const message: LineCommandMessage = { correlationId: command.id, kind: input.kind, jobId: input.jobId };
  const answer = await deliver(line.id, message);
  const updated = await db.$transaction(async (tx) => {
    // Only a command still "sent" takes the answer: its done event may have been stored already.
    await tx.lineCommand.updateMany({ where: { id: command.id, status: "sent" }, data: { status: answer.status, reason: answer.reason, answeredAt: clock.now() } });
    const row = await tx.lineCommand.findUniqueOrThrow({ where: { id: command.id } });
    await writeOutboxEvent(tx, lineCommandUpdated(line, row));
    return row;
  });
  nudgeOutbox();
  return updated;
}

async function deliver(lineId: string, message: LineCommandMessage): Promise<{ status: "accepted" | "rejected" | "timed_out"; reason: string | null }> {
  try {
    const replies = await askLineAgent(lineId, "command", message, ACCEPT_TIMEOUT_MS);
    if (!replies || replies.length === 0) return { status: "rejected", reason: "LINE_OFFLINE: no agent is connected to this line." };
    const parsed = CommandReplySchema.safeParse(replies[0]);
    if (!parsed.success || parsed.data.correlationId !== message.correlationId) return { status: "rejected", reason: "AGENT_REPLY_INVALID: the agent's answer did not match the protocol." };
    return parsed.data.outcome === "accepted" ? { status: "accepted", reason: null } : { status: "rejected", reason: `${parsed.data.reason}: ${parsed.data.message}` };
  } catch (error) {
    logger.warn({ err: error, lineId, commandId: message.correlationId }, "line agent did not answer a command in time");
    return { status: "timed_out", reason: `The agent did not answer within ${ACCEPT_TIMEOUT_MS / 1000} s.` };
  }
}
