import type { ProtocolLimits } from "./birth";

/** Defaults; the server reads overrides from its environment (AGENT_MAX_MESSAGES_PER_SECOND …). */
export const DEFAULT_LIMITS: ProtocolLimits = {
  maxMessagesPerSecond: 500,
  maxMessageBytes: 4_096,
  maxFutureSkewMs: 60_000,
};

/** Store-and-forward may deliver old events after a long outage, but not ancient ones. */
export const MAX_EVENT_AGE_MS = 30 * 24 * 3_600_000;

/** The serialized size of a message, as the limit counts it (UTF-16 code units of its JSON). */
export function messageSize(payload: unknown): number {
  try {
    return JSON.stringify(payload)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise unserializable: never within a limit
  }
}
