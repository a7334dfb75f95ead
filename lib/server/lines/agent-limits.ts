import { DEFAULT_LIMITS, type ProtocolLimits } from "@/lib/core/line-protocol";

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** The protocol limits of this server, from the environment (see README, "Line agents"). */
export function agentLimits(env: NodeJS.ProcessEnv = process.env): ProtocolLimits {
  return {
    maxMessagesPerSecond: positive(env.AGENT_MAX_MESSAGES_PER_SECOND, DEFAULT_LIMITS.maxMessagesPerSecond),
    maxMessageBytes: positive(env.AGENT_MAX_MESSAGE_BYTES, DEFAULT_LIMITS.maxMessageBytes),
    maxFutureSkewMs: positive(env.AGENT_MAX_FUTURE_SKEW_MS, DEFAULT_LIMITS.maxFutureSkewMs),
  };
}

/** Failed handshakes allowed per minute, per remote address and per claimed line. */
export function authFailureLimits(env: NodeJS.ProcessEnv = process.env) {
  return { perAddress: positive(env.AGENT_AUTH_FAILURES_PER_MINUTE, 10), perLine: positive(env.AGENT_AUTH_FAILURES_PER_LINE_PER_MINUTE, 30), windowMs: 60_000 };
}
