import { inject } from "vitest";
import { disconnectDatabase } from "@/lib/server/db";
import { startApp, type AppProcess } from "../../security/support/app-process";
import { createUser } from "../../support/factories";
import { sessionCookieFor } from "../../support/session-cookie";
import { createTestDatabase } from "../../support/test-database";

/**
 * One test file's world: its own seeded database on the suite's PostgreSQL server (the test
 * process uses it too, for fixtures and checks) and the production server on it, which the test
 * may kill and start again on the same port.
 */
export async function startFaultApp(env: Record<string, string> = {}) {
  const database = await createTestDatabase(inject("databaseTemplate"), true);
  process.env.DATABASE_URL = database.url;
  const appEnv = { LOG_LEVEL: "warn", DATABASE_POOL_SIZE: "8", ...env };
  let app: AppProcess = await startApp({ databaseUrl: database.url, env: appEnv });
  const port = app.port;
  return {
    get app() {
      return app;
    },
    databaseUrl: database.url,
    /** Starts the server again on the same port and database (after a kill). */
    async restart() {
      app = await startApp({ databaseUrl: database.url, port, env: appEnv });
      return app;
    },
    async close() {
      await app.stop();
      await disconnectDatabase();
      await database.drop();
    },
  };
}

export type FaultApp = Awaited<ReturnType<typeof startFaultApp>>;

export async function consumerWithCookie() {
  const user = await createUser("consumer", null);
  return { ...user, cookie: await sessionCookieFor(user) };
}

export type Answer = { status: number; code?: string; body: Record<string, unknown>; ms: number; retryAfter: string | null } | { status: "no-answer"; error: string; ms: number };

/**
 * One request as the page sends it (session cookie, same-origin, JSON), with a deadline: an
 * answer that does not come within `timeoutMs` is a hang, and says so.
 */
export async function request(url: string, method: string, path: string, cookie: string | null, body?: unknown, timeoutMs = 15_000): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), "sec-fetch-site": "same-origin", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text: text.slice(0, 200) };
    }
    const code = (parsed.error as { code?: string } | undefined)?.code;
    return { status: response.status, code, body: parsed, ms: performance.now() - started, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: "no-answer", error: error instanceof Error ? `${error.name}${cause ? ` ${cause}` : ""}: ${error.message}` : String(error), ms: performance.now() - started };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
