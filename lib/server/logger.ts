import pino from "pino";

/**
 * Structured logs (JSON lines). Passwords, tokens and cookies never reach a log line: pino's
 * redaction removes them wherever they appear in a logged object.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "tailorline" },
  redact: {
    paths: ["password", "*.password", "token", "*.token", "headers.cookie", "*.headers.cookie", "authorization", "*.authorization", "passwordHash", "*.passwordHash"],
    censor: "[redacted]",
  },
});
