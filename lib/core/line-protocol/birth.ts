import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../json/storable-text";

/**
 * Birth (the Sparkplug idea): the first message after the handshake. `session` increases at
 * every start of the agent process, so the server tells a restart (new session: the agent lost
 * its memory, resend everything) from a reconnect (same session), and refuses an older session
 * still trying to talk (a zombie process).
 */
export const BirthSchema = z.strictObject({
  agentVersion: z.string().min(1).max(40).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  session: z.number().int().min(1).max(2_147_483_647),
  capabilities: z.array(z.string().min(1).max(40).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)).max(32),
  /** The plan version of the queue the agent holds, null if none. */
  planVersion: z.number().int().min(0).nullable(),
  /** The highest seq the agent has assigned (stored or not). */
  lastSeq: z.number().int().min(0).max(2_147_483_647),
  /** Simulated ms per real ms; a real line sends 1. */
  timeScale: z.number().min(1).max(10_000).default(1),
});
export type Birth = z.infer<typeof BirthSchema>;

export type BirthReply = {
  ok: true;
  lineId: string;
  /** "restart" for a new session, "reconnect" for the same one. */
  kind: "restart" | "reconnect" | "first";
  /** The highest seq the server has stored: the agent drops unacked events up to it. */
  storedSeq: number;
  serverTime: string;
  limits: ProtocolLimits;
};

export type ProtocolLimits = {
  maxMessagesPerSecond: number;
  maxMessageBytes: number;
  maxFutureSkewMs: number;
};
