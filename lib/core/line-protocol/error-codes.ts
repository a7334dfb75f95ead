/**
 * Every refusal the server can send an agent, by code. Handshake refusals arrive as
 * `connect_error` with `data: { code, message }`; message refusals arrive in the ack as
 * `{ ok: false, error: { code, message, retryable } }`.
 *
 * `retryable` tells the agent what to do with the event: keep it and resend (the server did not
 * store it for a reason that will pass) or drop it (the server will never accept it).
 */
export const HANDSHAKE_ERRORS = {
  AGENT_AUTH_MALFORMED: "The handshake must carry { protocol, lineId, token }.",
  AGENT_PROTOCOL_UNSUPPORTED: "This server speaks line protocol v1 only.",
  AGENT_RATE_LIMITED: "Too many failed attempts; wait before trying again.",
  LINE_UNKNOWN: "No line with this id.",
  TOKEN_INVALID: "The token is not valid for this line.",
  TOKEN_REVOKED: "This credential has been revoked.",
  TOKEN_EXPIRED: "This credential has expired.",
  CLIENT_CERTIFICATE_MISMATCH: "The client certificate does not name this line.",
  AGENT_AUTH_UNAVAILABLE: "Agent authentication is unavailable right now; retry later.",
} as const;
export type HandshakeErrorCode = keyof typeof HANDSHAKE_ERRORS;

export const MESSAGE_ERRORS = {
  MALFORMED_MESSAGE: { retryable: false, message: "The message does not match the protocol schema." },
  MESSAGE_TOO_LARGE: { retryable: false, message: "The message exceeds the size limit." },
  BIRTH_REQUIRED: { retryable: true, message: "Send birth before events." },
  SESSION_STALE: { retryable: false, message: "A newer session of this line's agent exists." },
  RATE_LIMITED: { retryable: true, message: "Too many messages per second." },
  RESEND_REQUIRED: { retryable: true, message: "An earlier event was not stored; resend from it, in order." },
  EVENT_IN_FUTURE: { retryable: false, message: "The event's time is too far in the future." },
  EVENT_TOO_OLD: { retryable: false, message: "The event's time is too far in the past." },
  JOB_NOT_ON_LINE: { retryable: false, message: "The job is not queued to this line." },
  INVALID_TRANSITION: { retryable: false, message: "The job cannot make this transition." },
  PERSIST_FAILED: { retryable: true, message: "The event could not be stored; resend it." },
} as const;
export type MessageErrorCode = keyof typeof MESSAGE_ERRORS;

export type ProtocolError = { code: MessageErrorCode; message: string; retryable: boolean; retryAfterMs?: number };

export function protocolError(code: MessageErrorCode, message?: string, retryAfterMs?: number): ProtocolError {
  const known = MESSAGE_ERRORS[code];
  return { code, message: message ?? known.message, retryable: known.retryable, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}
