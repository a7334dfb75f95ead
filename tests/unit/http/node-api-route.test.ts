import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/server/errors";
import { nodeApiRoute } from "@/lib/server/http/node-api-route";
import { callNodeRoute } from "../../support/node-route-client";

const route = nodeApiRoute({
  async GET(request) {
    if (request.headers.get("x-fail") === "app") throw new AppError("NOPE", "Not today.", { status: 409 });
    if (request.headers.get("x-fail") === "bug") throw new Error("a bug");
    return { status: 200, body: { hello: "world" } };
  },
  async POST(request) {
    const input = parseInput(z.object({ name: z.string().min(1) }), await request.json());
    return { status: 201, body: { name: input.name } };
  },
});

const ORIGIN = "http://localhost:3000";
const call = (method: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
  callNodeRoute(route, new Request(`${ORIGIN}/api/thing`, { method, body: init.body, headers: { host: "localhost:3000", ...init.headers } }));
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; details?: unknown } }).error;

describe("an API route on Node's request and response (nodeApiRoute)", () => {
  it("answers JSON with the handler's status and a request id (the caller's, when it sends one)", async () => {
    const answer = await call("GET", { headers: { "x-request-id": "abc-123" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.headers.get("x-request-id")).toBe("abc-123");
    expect(await answer.json()).toEqual({ hello: "world" });
    expect((await call("GET")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reads a JSON body; a bad field is a 422 naming it", async () => {
    const created = await call("POST", { body: JSON.stringify({ name: "Ada" }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ name: "Ada" });
    const bad = await call("POST", { body: JSON.stringify({ name: "" }) });
    expect(bad.status).toBe(422);
    expect(await errorOf(bad)).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [expect.objectContaining({ path: "name" })] } });
  });

  it("refuses an empty body, a body that is not JSON, text the database cannot store, and a body over 1 MB", async () => {
    expect(await errorOf(await call("POST"))).toMatchObject({ code: "INVALID_JSON" });
    expect(await errorOf(await call("POST", { body: "{nope" }))).toMatchObject({ code: "INVALID_JSON" });
    const unstorable = await call("POST", { body: JSON.stringify({ name: "a\u0000b" }) });
    expect(unstorable.status).toBe(422);
    expect((await errorOf(unstorable)).message).toContain("name");
    const huge = await call("POST", { body: JSON.stringify({ name: "x".repeat(1_100_000) }) });
    expect(huge.status).toBe(413);
    expect(await errorOf(huge)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("answers a method it does not serve with 405 and the methods it does", async () => {
    const answer = await call("DELETE");
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("GET, POST");
    expect(await errorOf(answer)).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  });

  it("refuses a mutation riding on the session cookie from another site (CSRF); the same from the page goes through", async () => {
    const body = JSON.stringify({ name: "Ada" });
    const cookie = "authjs.session-token=whatever";
    const evil = await call("POST", { body, headers: { cookie, origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    expect(await errorOf(evil)).toMatchObject({ code: "CSRF_REJECTED" });
    expect((await call("POST", { body, headers: { cookie, origin: ORIGIN } })).status).toBe(201);
  });

  it("maps errors to the one error shape: an AppError as it says, anything else a 500 that names the request, not the bug", async () => {
    const refused = await call("GET", { headers: { "x-fail": "app" } });
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toEqual({ code: "NOPE", message: "Not today." });
    const broken = await call("GET", { headers: { "x-fail": "bug", "x-request-id": "req-9" } });
    expect(broken.status).toBe(500);
    const error = await errorOf(broken);
    expect(error).toMatchObject({ code: "INTERNAL" });
    expect(error.message).toContain("req-9");
    expect(error.message).not.toContain("a bug");
  });
});
