import type { Birth } from "@/lib/core/line-protocol";
import { clock } from "../clock";
import { db } from "../db";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import type { AgentIdentity } from "./authenticate-line-agent";
import { lineUpdated } from "./line-live-events";

export type BirthOutcome =
  | { ok: true; kind: "first" | "restart" | "reconnect"; storedSeq: number; connectedAt: Date }
  | { ok: false; code: "SESSION_STALE"; message: string };

/**
 * An agent's birth certificate: the line goes online with what the agent reports. A session
 * number above the stored one is a restart, the same one a reconnect; a lower one is an old
 * process still trying to talk, and is refused.
 */
export async function recordAgentBirth(agent: AgentIdentity, birth: Birth): Promise<BirthOutcome> {
  const outcome = await db.$transaction(async (tx): Promise<BirthOutcome> => {
    const [line] = await tx.$queryRaw<Array<{ agentSession: number | null; lastSeq: number }>>`
      SELECT "agentSession", "lastSeq" FROM "Line" WHERE "id" = ${agent.lineId} FOR UPDATE`;
    if (!line) throw new Error(`line ${agent.lineId} vanished`);
    if (line.agentSession !== null && birth.session < line.agentSession) {
      return { ok: false, code: "SESSION_STALE", message: `Session ${birth.session} is older than the line's session ${line.agentSession}.` };
    }
    const kind = line.agentSession === null ? "first" : birth.session > line.agentSession ? "restart" : "reconnect";
    const now = clock.now();
    await tx.line.update({
      where: { id: agent.lineId },
      data: {
        online: true, connectedAt: now, lastSeenAt: now, agentSession: birth.session, agentVersion: birth.agentVersion,
        agentFeatures: birth.capabilities, agentTimeScale: birth.timeScale,
      },
    });
    await writeOutboxEvent(tx, lineUpdated({ id: agent.lineId, manufacturerId: agent.manufacturerId }, { online: true, lastSeenAt: now.toISOString(), agentVersion: birth.agentVersion }));
    return { ok: true, kind, storedSeq: line.lastSeq, connectedAt: now };
  }, { maxWait: 15_000, timeout: 15_000 });
  if (outcome.ok) nudgeOutbox();
  return outcome;
}
