import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/admin/lines/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/admin/lines/[lineId]/route";
import { POST as addExceptionRoute } from "@/app/api/admin/lines/[lineId]/exceptions/route";
import { DELETE as removeExceptionRoute } from "@/app/api/admin/lines/[lineId]/exceptions/[exceptionId]/route";
import { PUT as shiftsRoute } from "@/app/api/admin/lines/[lineId]/shifts/route";
import { db } from "@/lib/server/db";
import { createOrganization, createUser, uniqueSuffix } from "../../support/factories";
import { organizationBySlug } from "../../support/order-fixtures";
import { createReadyJobs } from "../../support/planning-fixtures";

const BASE = "http://localhost:3000";
const sameOrigin = { origin: BASE, host: "localhost:3000" };
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

type Caller = { cookie: string };
const send = (caller: Caller | null, method: string, body?: unknown) =>
  new Request(`${BASE}/api/admin/lines`, {
    method,
    headers: { ...(caller ? { cookie: caller.cookie } : {}), ...sameOrigin, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function nordkylStaff() {
  const nordkyl = await organizationBySlug("nordkyl");
  return { nordkyl, admin: await createUser("admin", nordkyl.id), planner: await createUser("planner", nordkyl.id) };
}

const newLine = (overrides: Record<string, unknown> = {}) => ({
  code: `NK-T${uniqueSuffix()}`,
  name: "Test line",
  capabilities: ["sheet-metal", "foaming"],
  speed: 1,
  timeZone: "Europe/Stockholm",
  ...overrides,
});

async function createLineAs(admin: Caller, overrides: Record<string, unknown> = {}) {
  const response = await createRoute(send(admin, "POST", newLine(overrides)), params({}));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; code: string; version: number };
}

const fieldsOf = async (response: Response) => ((await response.json()).error.details?.fields ?? []).map((field: { path: string }) => field.path);

describe("line settings over the API", () => {
  it("creates a line with another line's shifts, audited and announced to the board", async () => {
    const { nordkyl, admin } = await nordkylStaff();
    const template = await db.line.findFirstOrThrow({ where: { manufacturerId: nordkyl.id, code: "NK-F1" }, include: { shifts: true } });
    const outboxBefore = await db.outboxEvent.count({ where: { type: "board.changed" } });
    const created = await createLineAs(admin, { copyShiftsFrom: template.id });
    const stored = await db.line.findUniqueOrThrow({ where: { id: created.id }, include: { shifts: true } });
    expect(stored).toMatchObject({ manufacturerId: nordkyl.id, code: created.code, speed: 1, timeZone: "Europe/Stockholm", version: 1 });
    expect(stored.shifts).toHaveLength(template.shifts.length);
    expect(await db.auditLog.count({ where: { action: "line.create", targetId: created.id, actorId: admin.id } })).toBe(1);
    const events = await db.outboxEvent.findMany({ where: { type: "board.changed" }, orderBy: { id: "desc" }, take: 1 });
    expect(await db.outboxEvent.count({ where: { type: "board.changed" } })).toBe(outboxBefore + 1);
    expect(events[0]).toMatchObject({ rooms: [`manufacturer:${nordkyl.id}`], payload: { reason: "line-created", lineId: created.id } });

    const duplicate = await createRoute(send(admin, "POST", newLine({ code: created.code })), params({}));
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error).toMatchObject({ code: "LINE_CODE_TAKEN", details: { fields: [{ path: "code" }] } });
  });

  it("names each bad field with 422: a bad zone, a negative speed, a bad capability", async () => {
    const { admin } = await nordkylStaff();
    const response = await createRoute(send(admin, "POST", newLine({ timeZone: "Europe/Atlantis", speed: -2, capabilities: ["Sheet Metal"] })), params({}));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.fields).toEqual([
      { path: "capabilities.0", message: "use lowercase letters, digits and single hyphens" },
      { path: "speed", message: "Speed must be more than 0." },
      { path: "timeZone", message: '"Europe/Atlantis" is not an IANA time zone (for example Europe/Stockholm).' },
    ]);
  });

  it("names overlapping shifts with 422 and saves a valid week with a night shift", async () => {
    const { admin } = await nordkylStaff();
    const line = await createLineAs(admin);
    const overlapping = await shiftsRoute(
      send(admin, "PUT", {
        version: line.version,
        shifts: [
          { weekday: 0, startMinute: 360, endMinute: 840, name: "early" },
          { weekday: 0, startMinute: 780, endMinute: 1320, name: "late" },
        ],
      }),
      params({ lineId: line.id }),
    );
    expect(overlapping.status).toBe(422);
    expect((await overlapping.json()).error.details.fields).toEqual([{ path: "shifts.1", message: "Mon 13:00–22:00 late overlaps Mon 06:00–14:00 early (shift 1)." }]);

    const saved = await shiftsRoute(
      send(admin, "PUT", {
        version: line.version,
        shifts: [
          { weekday: 0, startMinute: 360, endMinute: 840, name: "early" },
          { weekday: 0, startMinute: 1320, endMinute: 360, name: "night" },
          { weekday: 1, startMinute: 360, endMinute: 840, name: "early" },
        ],
      }),
      params({ lineId: line.id }),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: line.version + 1 });
    const shifts = await db.lineShift.findMany({ where: { lineId: line.id }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] });
    expect(shifts.map((shift) => [shift.weekday, shift.startMinute, shift.endMinute, shift.name])).toEqual([
      [0, 360, 840, "early"],
      [0, 1320, 360, "night"],
      [1, 360, 840, "early"],
    ]);
    expect(await db.auditLog.count({ where: { action: "line.shifts.replace", targetId: line.id } })).toBe(1);
  });

  it("refuses a stale version with 409 and keeps the other editor's change", async () => {
    const { admin } = await nordkylStaff();
    const other = await createUser("admin", admin.organizationId);
    const line = await createLineAs(admin);
    const first = await patchRoute(send(other, "PATCH", { ...newLine({ code: line.code, name: "Renamed by the other admin" }), version: line.version }), params({ lineId: line.id }));
    expect(first.status).toBe(200);
    expect((await first.json()).version).toBe(line.version + 1);

    const stale = await patchRoute(send(admin, "PATCH", { ...newLine({ code: line.code, speed: 2 }), version: line.version }), params({ lineId: line.id }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "LINE_CHANGED", details: { expectedVersion: line.version, currentVersion: line.version + 1 } });
    const staleShifts = await shiftsRoute(send(admin, "PUT", { version: line.version, shifts: [] }), params({ lineId: line.id }));
    expect(staleShifts.status).toBe(409);
    expect(await db.line.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ name: "Renamed by the other admin", speed: 1, version: line.version + 1 });
  });

  it("lets planners read and enter holidays and maintenance, but not settings, shifts or extra shifts", async () => {
    const { admin, planner } = await nordkylStaff();
    const line = await createLineAs(admin);
    const list = await listRoute(send(planner, "GET"), params({}));
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.permissions).toEqual({ manage: false, stops: true });
    expect(body.lines.map((entry: { code: string }) => entry.code)).toContain(line.code);
    expect((await getRoute(send(planner, "GET"), params({ lineId: line.id }))).status).toBe(200);

    expect((await patchRoute(send(planner, "PATCH", { ...newLine({ code: line.code }), version: line.version }), params({ lineId: line.id }))).status).toBe(403);
    expect((await shiftsRoute(send(planner, "PUT", { version: line.version, shifts: [] }), params({ lineId: line.id }))).status).toBe(403);
    expect((await createRoute(send(planner, "POST", newLine()), params({}))).status).toBe(403);
    expect((await deleteRoute(send(planner, "DELETE"), params({ lineId: line.id }))).status).toBe(403);
    const extra = await addExceptionRoute(send(planner, "POST", { kind: "extra_shift", start: "2027-01-09T08:00:00Z", end: "2027-01-09T12:00:00Z" }), params({ lineId: line.id }));
    expect(extra.status).toBe(403);

    const holiday = await addExceptionRoute(send(planner, "POST", { kind: "holiday", start: "2027-01-06T00:00:00+01:00", end: "2027-01-07T00:00:00+01:00", note: "Epiphany" }), params({ lineId: line.id }));
    expect(holiday.status).toBe(201);
    const created = await holiday.json();
    expect(created).toMatchObject({ kind: "holiday", start: "2027-01-05T23:00:00.000Z", end: "2027-01-06T23:00:00.000Z", note: "Epiphany" });
    expect(await db.auditLog.count({ where: { action: "line.exception.add", targetId: created.id, actorId: planner.id } })).toBe(1);
    const removed = await removeExceptionRoute(send(planner, "DELETE"), params({ lineId: line.id, exceptionId: created.id }));
    expect(removed.status).toBe(204);
    expect(await db.lineCalendarException.count({ where: { id: created.id } })).toBe(0);

    // An extra shift the admin added is the admin's to remove.
    const adminExtra = await (await addExceptionRoute(send(admin, "POST", { kind: "extra_shift", start: "2027-01-09T08:00:00Z", end: "2027-01-09T12:00:00Z" }), params({ lineId: line.id }))).json();
    expect((await removeExceptionRoute(send(planner, "DELETE"), params({ lineId: line.id, exceptionId: adminExtra.id }))).status).toBe(403);
    expect((await removeExceptionRoute(send(admin, "DELETE"), params({ lineId: line.id, exceptionId: adminExtra.id }))).status).toBe(204);
  });

  it("hides a line from another manufacturer's staff (404) and refuses anonymous callers (401)", async () => {
    const { admin } = await nordkylStaff();
    const line = await createLineAs(admin);
    const sartoria = await organizationBySlug("sartoria");
    const strangerAdmin = await createUser("admin", sartoria.id);
    const strangerPlanner = await createUser("planner", sartoria.id);
    const supplier = await createUser("supplier", (await createOrganization("supplier")).id);
    for (const response of [
      await getRoute(send(strangerPlanner, "GET"), params({ lineId: line.id })),
      await patchRoute(send(strangerAdmin, "PATCH", { ...newLine({ code: line.code }), version: line.version }), params({ lineId: line.id })),
      await shiftsRoute(send(strangerAdmin, "PUT", { version: line.version, shifts: [] }), params({ lineId: line.id })),
      await addExceptionRoute(send(strangerPlanner, "POST", { kind: "holiday", start: "2027-01-06T00:00:00Z", end: "2027-01-07T00:00:00Z" }), params({ lineId: line.id })),
      await deleteRoute(send(strangerAdmin, "DELETE"), params({ lineId: line.id })),
    ]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error).toEqual({ code: "LINE_NOT_FOUND", message: "Not found." });
    }
    const theirList = await (await listRoute(send(strangerAdmin, "GET"), params({}))).json();
    expect(theirList.lines.map((entry: { id: string }) => entry.id)).not.toContain(line.id);
    expect((await listRoute(send(supplier, "GET"), params({}))).status).toBe(404);
    expect((await getRoute(send(null, "GET"), params({ lineId: line.id }))).status).toBe(401);
    expect(await db.line.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ version: line.version });
  });

  it("deletes a line only when no job is planned on it", async () => {
    const { admin } = await nordkylStaff();
    const line = await createLineAs(admin, { capabilities: ["sheet-metal", "foaming", "refrigeration-assembly"] });
    const [job] = await createReadyJobs(1);
    await db.productionJob.update({ where: { id: job!.id }, data: { status: "scheduled", lineId: line.id, start: new Date("2027-01-11T08:00:00Z"), end: new Date("2027-01-11T09:00:00Z"), setupMinutes: 0 } });
    const refused = await deleteRoute(send(admin, "DELETE"), params({ lineId: line.id }));
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: "LINE_HAS_PLANNED_JOBS", message: expect.stringContaining(job!.code), details: { plannedJobs: 1 } });

    await db.productionJob.update({ where: { id: job!.id }, data: { status: "ready", lineId: null, start: null, end: null } });
    const deleted = await deleteRoute(send(admin, "DELETE"), params({ lineId: line.id }));
    expect(deleted.status).toBe(204);
    expect(await db.line.count({ where: { id: line.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "line.delete", targetId: line.id } })).toBe(1);
    expect((await getRoute(send(admin, "GET"), params({ lineId: line.id }))).status).toBe(404);
  });

  it("names bad exception fields", async () => {
    const { admin } = await nordkylStaff();
    const line = await createLineAs(admin);
    const response = await addExceptionRoute(send(admin, "POST", { kind: "maintenance", start: "2027-01-06T10:00:00Z", end: "2027-01-06T09:00:00Z" }), params({ lineId: line.id }));
    expect(response.status).toBe(422);
    expect(await fieldsOf(response)).toEqual(["end"]);
  });
});
