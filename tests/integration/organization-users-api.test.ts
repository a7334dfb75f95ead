import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/organizations/[organizationId]/users/route";
import { PATCH } from "@/app/api/organizations/[organizationId]/users/[userId]/route";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { db } from "@/lib/server/db";
import { createOrganization, createUser, uniqueSuffix } from "../support/factories";

const BASE = "http://localhost:3000";
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });
const sameOrigin = { origin: BASE, host: "localhost:3000" };

async function twoManufacturers() {
  const a = await createOrganization("manufacturer");
  const b = await createOrganization("manufacturer");
  return {
    a,
    b,
    adminA: await createUser("admin", a.id),
    plannerA: await createUser("planner", a.id),
    adminB: await createUser("admin", b.id),
  };
}

describe("GET /api/organizations/:id/users", () => {
  it("lists the users of the admin's own organization", async () => {
    const { a, adminA, plannerA } = await twoManufacturers();
    const response = await GET(new Request(`${BASE}/api/organizations/${a.id}/users`, { headers: { cookie: adminA.cookie } }), params({ organizationId: a.id }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.users.map((u: { id: string }) => u.id).sort()).toEqual([adminA.id, plannerA.id].sort());
    expect(JSON.stringify(body)).not.toContain("passwordHash");
  });

  it("refuses an admin of another organization with a 404 that leaks nothing", async () => {
    const { a, adminB } = await twoManufacturers();
    const response = await GET(new Request(`${BASE}/api/organizations/${a.id}/users`, { headers: { cookie: adminB.cookie } }), params({ organizationId: a.id }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "ORGANIZATION_NOT_FOUND", message: "Not found." } });
  });

  it("refuses a planner of the organization (403) and anonymous callers (401)", async () => {
    const { a, plannerA } = await twoManufacturers();
    const asPlanner = await GET(new Request(`${BASE}/x`, { headers: { cookie: plannerA.cookie } }), params({ organizationId: a.id }));
    expect(asPlanner.status).toBe(403);
    expect((await asPlanner.json()).error.code).toBe("FORBIDDEN");
    const anonymous = await GET(new Request(`${BASE}/x`), params({ organizationId: a.id }));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
  });
});

describe("POST /api/organizations/:id/users", () => {
  it("creates a planner, audited, and names bad fields with 422", async () => {
    const { a, adminA } = await twoManufacturers();
    const email = `new-planner-${uniqueSuffix()}@example.test`;
    const created = await POST(
      new Request(`${BASE}/x`, { method: "POST", headers: { cookie: adminA.cookie, ...sameOrigin }, body: JSON.stringify({ name: "New Planner", email, role: "planner", password: "a-long-passphrase" }) }),
      params({ organizationId: a.id }),
    );
    expect(created.status).toBe(201);
    const { user } = await created.json();
    expect(user).toMatchObject({ email, role: "planner", active: true });
    expect(await db.auditLog.count({ where: { action: "user.create", targetId: user.id } })).toBe(1);

    const bad = await POST(
      new Request(`${BASE}/x`, { method: "POST", headers: { cookie: adminA.cookie, ...sameOrigin }, body: JSON.stringify({ name: "", email: "nope", role: "consumer", password: "x" }) }),
      params({ organizationId: a.id }),
    );
    expect(bad.status).toBe(422);
    const error = (await bad.json()).error;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(["name", "email", "role", "password"]));
  });

  it("refuses a role the organization does not have, a malformed body, and a cross-site request — writing nothing", async () => {
    const { a, adminA } = await twoManufacturers();
    const before = await db.user.count();
    const supplierRole = await POST(
      new Request(`${BASE}/x`, { method: "POST", headers: { cookie: adminA.cookie, ...sameOrigin }, body: JSON.stringify({ name: "S", email: `s-${uniqueSuffix()}@example.test`, role: "supplier", password: "a-long-passphrase" }) }),
      params({ organizationId: a.id }),
    );
    expect(supplierRole.status).toBe(422);
    expect((await supplierRole.json()).error.code).toBe("ROLE_NOT_ASSIGNABLE");
    const malformed = await POST(new Request(`${BASE}/x`, { method: "POST", headers: { cookie: adminA.cookie, ...sameOrigin }, body: "{not json" }), params({ organizationId: a.id }));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("INVALID_JSON");
    const crossSite = await POST(
      new Request(`${BASE}/x`, { method: "POST", headers: { cookie: adminA.cookie, origin: "https://evil.example", host: "localhost:3000" }, body: JSON.stringify({ name: "E", email: `e-${uniqueSuffix()}@example.test`, role: "planner", password: "a-long-passphrase" }) }),
      params({ organizationId: a.id }),
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe("CSRF_REJECTED");
    expect(await db.user.count()).toBe(before);
  });
});

describe("PATCH /api/organizations/:id/users/:userId", () => {
  it("deactivating a user ends their session at once", async () => {
    const { a, adminA, plannerA } = await twoManufacturers();
    expect((await loadActorFromHeaders(new Headers({ cookie: plannerA.cookie }))).kind).toBe("user");
    const response = await PATCH(
      new Request(`${BASE}/x`, { method: "PATCH", headers: { cookie: adminA.cookie, ...sameOrigin }, body: JSON.stringify({ active: false }) }),
      params({ organizationId: a.id, userId: plannerA.id }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ id: plannerA.id, active: false });
    expect(await loadActorFromHeaders(new Headers({ cookie: plannerA.cookie }))).toEqual({ kind: "anonymous" });
  });

  it("changes a role within the organization, never across organizations", async () => {
    const { a, b, adminA, plannerA, adminB } = await twoManufacturers();
    const promote = await PATCH(
      new Request(`${BASE}/x`, { method: "PATCH", headers: { cookie: adminA.cookie, ...sameOrigin }, body: JSON.stringify({ role: "admin" }) }),
      params({ organizationId: a.id, userId: plannerA.id }),
    );
    expect(promote.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: plannerA.id } })).role).toBe("admin");

    // Admin of B names A's user under B's organization: the user is not found there.
    const viaOwnOrg = await PATCH(
      new Request(`${BASE}/x`, { method: "PATCH", headers: { cookie: adminB.cookie, ...sameOrigin }, body: JSON.stringify({ active: false }) }),
      params({ organizationId: b.id, userId: adminA.id }),
    );
    expect(viaOwnOrg.status).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { id: adminA.id } })).active).toBe(true);
  });

  it("an admin cannot deactivate themselves", async () => {
    const { a, adminA } = await twoManufacturers();
    const response = await PATCH(
      new Request(`${BASE}/x`, { method: "PATCH", headers: { cookie: adminA.cookie, ...sameOrigin }, body: JSON.stringify({ active: false }) }),
      params({ organizationId: a.id, userId: adminA.id }),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("CANNOT_DEACTIVATE_SELF");
  });
});
