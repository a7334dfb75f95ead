import { readFileSync } from "node:fs";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDatabase } from "@/lib/server/db";
import { ROUTE_MATRIX, SERVER_ACTION_MATRIX, type Outcome } from "./route-matrix";
import { APP_DIR, startApp, type AppProcess } from "./support/app-process";
import { urlOf } from "./support/discover-routes";
import { freshTargets } from "./support/fresh-targets";
import { ACTOR_KEYS, buildWorld, cookieOf, type ActorKey, type World } from "./support/security-world";
import { writeSecurityReport } from "./support/security-report";

/**
 * The production build over real HTTP: security headers and CSP nonces as a browser gets them,
 * the matrix's reads replayed through Next's router, CSRF refusals, server actions called the
 * way browsers call them, session cookie flags — and, from everything this file did, not one
 * password, token or cookie in the server's logs.
 */
let app: AppProcess;
let world: World;
const SPRAYED_PASSWORD = "spray-password-never-valid-31337";
let httpCalls = 0;

beforeAll(async () => {
  world = await buildWorld();
  // PGlite: one process per data folder. The server takes the database from here on.
  await disconnectDatabase();
  app = await startApp({ databaseUrl: process.env.DATABASE_URL!, env: { LOG_LEVEL: "debug" } });
});
afterAll(async () => {
  await app?.stop();
  writeSecurityReport("production-http", { httpCalls });
});

async function get(pathname: string, headers: Record<string, string> = {}) {
  httpCalls++;
  return fetch(`${app.url}${pathname}`, { headers, redirect: "manual" });
}

describe("security headers", () => {
  it("every page has a CSP with a fresh nonce, and every script on it carries that nonce", async () => {
    const nonces = new Set<string>();
    for (const page of ["/sign-in", "/catalogue", "/sign-in"]) {
      const response = await get(page);
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, `${page}: a nonce in ${csp}`).toBeDefined();
      nonces.add(nonce!);
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script, `${page}: ${script}`).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  it("pages and API answers carry HSTS (production), nosniff, a referrer policy and frame denial; no X-Powered-By", async () => {
    for (const page of ["/sign-in", "/api/health", "/api/me"]) {
      const response = await get(page);
      expect(response.headers.get("strict-transport-security"), page).toMatch(/max-age=\d{7,}/);
      expect(response.headers.get("x-content-type-options"), page).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), page).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options"), page).toBe("DENY");
      expect(response.headers.get("x-powered-by"), page).toBeNull();
    }
  });
});

describe("the matrix over real HTTP", () => {
  it("every read in the matrix answers every actor as the matrix says, through Next's router", async () => {
    const fresh = freshTargets(world);
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(ROUTE_MATRIX).filter(([key]) => key.endsWith(" GET"))) {
      const route = key.split(" ")[0]!;
      for (const actor of ACTOR_KEYS) {
        const call = await entry.call({ world, fresh, actor });
        const cookie = cookieOf(world, actor);
        const response = await get(new URL(urlOf(route, call.params, call.query)).pathname + new URL(urlOf(route, call.params, call.query)).search, cookie ? { cookie } : {});
        const body = await response.text();
        const code = /"code":"([A-Z_]+)"/.exec(body)?.[1];
        const ok = entry.ok.some((expected) => (typeof expected === "number" ? expected === response.status : expected === `${response.status} ${code}`));
        const outcome: Outcome | string = ok ? "allow" : [401, 403, 404].includes(response.status) ? (response.status as Outcome) : `other ${response.status}`;
        if (outcome !== entry.expect[actor]) problems.push(`${key} as ${actor}: expected ${entry.expect[actor]}, got ${response.status} ${code ?? ""}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("a mutation riding on the session cookie from another site is refused (CSRF); the same from the page goes through", async () => {
    const cookie = world.users.consumer.cookie;
    const item = JSON.stringify({ productId: "prod-fridge-custom", configuration: {}, quantity: 1 });
    const post = (headers: Record<string, string>) => {
      httpCalls++;
      return fetch(`${app.url}/api/cart/items`, { method: "POST", headers: { "content-type": "application/json", cookie, ...headers }, body: item });
    };
    const evil = await post({ origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe("CSRF_REJECTED");
    const noOrigin = await post({ "sec-fetch-site": "cross-site" });
    expect(noOrigin.status).toBe(403);
    // Same origin: past the CSRF check (the empty configuration is then refused on its merits).
    const sameOrigin = await post({ origin: app.url });
    expect(sameOrigin.status).not.toBe(403);
  });
});

describe("server actions, called as browsers call them", () => {
  const actionIds = () => {
    const manifest = JSON.parse(readFileSync(path.join(APP_DIR, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
    return Object.fromEntries(Object.entries(manifest.node).map(([id, action]) => [`${action.filename} ${action.exportedName}`, id]));
  };
  const callAction = async (name: string, args: unknown[], headers: Record<string, string>) => {
    httpCalls++;
    const response = await fetch(`${app.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "next-action": actionIds()[name]!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: app.url, ...headers },
      body: JSON.stringify(args),
    });
    return { status: response.status, body: await response.text(), headers: response.headers };
  };

  it("the build's actions are exactly the matrix's", () => {
    expect(Object.keys(actionIds()).sort()).toEqual(Object.keys(SERVER_ACTION_MATRIX).sort());
  });

  it("each action answers every actor as the matrix says (sign-in, sign-up and sign-out are public)", async () => {
    const problems: string[] = [];
    for (const actor of ACTOR_KEYS) {
      const cookie = cookieOf(world, actor);
      const headers: Record<string, string> = cookie ? { cookie } : {};
      const answers: Record<string, { status: number; body: string }> = {
        "app/(auth)/actions.ts signInAction": await callAction("app/(auth)/actions.ts signInAction", [{ email: `nobody-${actor}@example.test`, password: SPRAYED_PASSWORD }], headers),
        "app/(auth)/actions.ts signUpAction": await callAction("app/(auth)/actions.ts signUpAction", [{ name: "Weak", email: `weak-${actor}@example.test`, password: "short" }], headers),
        "app/(auth)/actions.ts signOutAction": await callAction("app/(auth)/actions.ts signOutAction", [], headers),
      };
      for (const [name, answer] of Object.entries(answers)) {
        const outcome = answer.status === 200 || answer.status === 303 ? "allow" : answer.status;
        if (outcome !== SERVER_ACTION_MATRIX[name]![actor as ActorKey]) problems.push(`${name} as ${actor}: ${answer.status}`);
      }
      expect(answers["app/(auth)/actions.ts signInAction"]!.body).toContain("Wrong email or password.");
      // The password policy holds on the real path, not only in the schema.
      expect(answers["app/(auth)/actions.ts signUpAction"]!.body).toContain("Use at least 10 characters.");
    }
    expect(problems).toEqual([]);
  });

  it("an action posted from another site is refused by Next's origin check and does nothing", async () => {
    const answer = await callAction("app/(auth)/actions.ts signOutAction", [], { cookie: world.users.consumer.cookie, origin: "https://evil.example" });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers.getSetCookie().some((value) => value.includes("authjs.session-token=;") || /authjs\.session-token=[^;]*; .*Max-Age=0/i.test(value))).toBe(false);
  });
});

describe("sessions and secrets", () => {
  async function signIn(extra: Record<string, string>) {
    httpCalls += 2;
    const csrf = await fetch(`${app.url}/api/auth/csrf`, { headers: extra });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
    const response = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...extra },
      body: new URLSearchParams({ email: world.users.consumer.email, password: "tailorline", csrfToken }).toString(),
    });
    return response.headers.getSetCookie().find((value) => value.includes("authjs.session-token="));
  }

  it("the session cookie is HttpOnly and SameSite=Lax; behind HTTPS it is also Secure and __Secure-", async () => {
    const plain = await signIn({});
    expect(plain).toMatch(/^authjs\.session-token=.+; .*HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    const behindTls = await signIn({ "x-forwarded-proto": "https" });
    expect(behindTls).toMatch(/^__Secure-authjs\.session-token=/);
    expect(behindTls).toMatch(/; Secure/i);
  });

  it("no password, agent token or session cookie appears in the server's logs", async () => {
    // An agent handshake with the real token and one with a forged one, so tokens pass through.
    for (const token of [world.tokenA, "A".repeat(43)]) {
      const socket = connect(`${app.url}/agent`, { transports: ["websocket"], auth: { protocol: 1, lineId: world.lineA.id, token }, reconnection: false, forceNew: true });
      await new Promise((resolve) => {
        socket.once("connect", () => resolve(null));
        socket.once("connect_error", () => resolve(null));
      });
      socket.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const logs = app.output();
    expect(logs.length).toBeGreaterThan(0);
    const secrets = [SPRAYED_PASSWORD, world.tokenA, ...ACTOR_KEYS.filter((actor) => actor !== "anonymous").map((actor) => cookieOf(world, actor)!.split("=")[1]!.slice(0, 40))];
    for (const secret of secrets) expect(logs.includes(secret), `a secret in the logs: ${secret.slice(0, 12)}…`).toBe(false);
    // The demo password is also the app's name (every log line says app "tailorline"): look for it as a password.
    expect(logs).not.toMatch(/password\W{0,6}tailorline/i);
  });
});
