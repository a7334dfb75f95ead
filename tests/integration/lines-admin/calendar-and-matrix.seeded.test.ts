import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/core/clock/clock";
import { setupMinutesBetween } from "@/lib/core/planning/planning-model";
import { toSchedulingInstance } from "@/lib/core/planning/scheduling-instance";
import { setServerClock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { addCalendarException } from "@/lib/server/lines-admin/add-calendar-exception";
import { createLine } from "@/lib/server/lines-admin/create-line";
import { getLineSettings } from "@/lib/server/lines-admin/get-line-settings";
import { getSetupMatrix } from "@/lib/server/lines-admin/get-setup-matrix";
import { removeCalendarException } from "@/lib/server/lines-admin/remove-calendar-exception";
import { replaceLineShifts } from "@/lib/server/lines-admin/replace-line-shifts";
import { saveSetupMatrix } from "@/lib/server/lines-admin/save-setup-matrix";
import { updateLineSettings } from "@/lib/server/lines-admin/update-line-settings";
import { loadPlanningState } from "@/lib/server/planning/load-planning-state";
import { actorOf } from "../../support/actors";
import { createUser, uniqueSuffix } from "../../support/factories";
import { organizationBySlug } from "../../support/order-fixtures";

const iso = (ms: number) => new Date(ms).toISOString();
// Monday 22 March 2027 to Monday 5 April 2027: Stockholm moves its clocks on Sunday 28 March.
const RANGE = { from: Date.parse("2027-03-21T23:00:00Z"), to: Date.parse("2027-04-04T22:00:00Z") };

async function nordkyl() {
  const organization = await organizationBySlug("nordkyl");
  return { id: organization.id, admin: await actorOf(await createUser("admin", organization.id)), planner: await actorOf(await createUser("planner", organization.id)) };
}

const weekdayShifts = [0, 1, 2, 3, 4].flatMap((weekday) => [
  { weekday, startMinute: 6 * 60, endMinute: 14 * 60, name: "early" },
  { weekday, startMinute: 14 * 60, endMinute: 22 * 60, name: "late" },
]);

async function lineWithShifts(admin: Awaited<ReturnType<typeof nordkyl>>["admin"], shifts = weekdayShifts) {
  const line = await createLine(admin, { code: `NK-C${uniqueSuffix()}`, name: "Calendar test line", capabilities: ["sheet-metal"], speed: 1.25, timeZone: "Europe/Stockholm" }, null);
  const saved = await replaceLineShifts(admin, line.id, { version: line.version, shifts }, null);
  return { ...line, version: saved.version };
}

async function plannedWindows(manufacturerId: string, lineId: string, range = RANGE) {
  const state = await loadPlanningState(manufacturerId, range);
  return state.lines.find((line) => line.id === lineId)!.windows;
}

afterEach(() => setServerClock(undefined));

describe("what the scheduler reads after a line's calendar is saved", () => {
  it("reads exactly the saved weekly shifts, in local time across the daylight-saving change", async () => {
    const factory = await nordkyl();
    const line = await lineWithShifts(factory.admin, [...weekdayShifts, { weekday: 5, startMinute: 22 * 60, endMinute: 6 * 60, name: "night" }]);
    const windows = await plannedWindows(factory.id, line.id);
    // Monday before the change: 06:00 CET = 05:00 UTC; Monday after: 06:00 CEST = 04:00 UTC.
    expect(iso(windows[0]!.start)).toBe("2027-03-22T05:00:00.000Z");
    expect(windows.filter((window) => iso(window.start).startsWith("2027-03-29")).map((window) => [iso(window.start), iso(window.end)])).toEqual([
      ["2027-03-29T04:00:00.000Z", "2027-03-29T12:00:00.000Z"],
      ["2027-03-29T12:00:00.000Z", "2027-03-29T20:00:00.000Z"],
    ]);
    // The night into the change is 7 hours long.
    const night = windows.find((window) => iso(window.start) === "2027-03-27T21:00:00.000Z")!;
    expect((night.end - night.start) / 3_600_000).toBe(7);
    expect(windows).toHaveLength(2 * (5 * 2 + 1));
    // The line enters the scheduler's instance with these windows and its speed.
    const state = await loadPlanningState(factory.id, RANGE);
    const build = toSchedulingInstance({ lines: state.lines, jobs: [], setups: state.setups, now: RANGE.from, horizonMs: RANGE.to - RANGE.from });
    const instanceLine = build.instance!.lines.find((candidate) => candidate.id === line.id)!;
    expect(instanceLine.speed).toBe(1.25);
    expect(instanceLine.windows?.[0]).toEqual({ start: "2027-03-22T05:00:00Z", end: "2027-03-22T13:00:00Z" });
    expect(instanceLine.windows ?? []).toHaveLength(windows.length);
  });

  it("cuts a holiday out of the line's windows, and gives them back when it is removed", async () => {
    const factory = await nordkyl();
    const line = await lineWithShifts(factory.admin);
    const before = await plannedWindows(factory.id, line.id);
    const onWednesday = (windows: typeof before) => windows.filter((window) => iso(window.start).startsWith("2027-03-24"));
    expect(onWednesday(before)).toHaveLength(2);

    // A planner enters the holiday: Wednesday 24 March, local midnight to midnight.
    const holiday = await addCalendarException(factory.planner, line.id, { kind: "holiday", start: "2027-03-24T00:00:00+01:00", end: "2027-03-25T00:00:00+01:00", note: "Founders' day" }, null);
    const after = await plannedWindows(factory.id, line.id);
    expect(onWednesday(after)).toEqual([]);
    expect(after).toEqual(before.filter((window) => !iso(window.start).startsWith("2027-03-24")));

    await removeCalendarException(factory.planner, line.id, holiday.id, null);
    expect(await plannedWindows(factory.id, line.id)).toEqual(before);
  });

  it("cuts maintenance out of a shift and adds an extra shift as a window", async () => {
    const factory = await nordkyl();
    const line = await lineWithShifts(factory.admin);
    await addCalendarException(factory.planner, line.id, { kind: "maintenance", start: "2027-03-23T07:00:00+01:00", end: "2027-03-23T09:00:00+01:00", note: "foam head" }, null);
    await addCalendarException(factory.admin, line.id, { kind: "extra_shift", start: "2027-03-27T08:00:00+01:00", end: "2027-03-27T12:00:00+01:00", note: "rush" }, null);
    const windows = await plannedWindows(factory.id, line.id);
    expect(windows.filter((window) => iso(window.start).startsWith("2027-03-23")).map((window) => [iso(window.start), iso(window.end)])).toEqual([
      ["2027-03-23T05:00:00.000Z", "2027-03-23T06:00:00.000Z"],
      ["2027-03-23T08:00:00.000Z", "2027-03-23T13:00:00.000Z"],
      ["2027-03-23T13:00:00.000Z", "2027-03-23T21:00:00.000Z"],
    ]);
    expect(windows.filter((window) => iso(window.start).startsWith("2027-03-27")).map((window) => [iso(window.start), iso(window.end)])).toEqual([["2027-03-27T07:00:00.000Z", "2027-03-27T11:00:00.000Z"]]);
  });

  it("previews the next two weeks with the windows the scheduler gets", async () => {
    setServerClock(fixedClock("2027-03-22T09:30:00Z"));
    const factory = await nordkyl();
    const line = await lineWithShifts(factory.admin);
    await addCalendarException(factory.admin, line.id, { kind: "holiday", start: "2027-03-24T00:00:00+01:00", end: "2027-03-25T00:00:00+01:00", note: "Founders' day" }, null);
    const view = await getLineSettings(factory.planner, line.id);
    expect(view.permissions).toEqual({ manage: false, stops: true });
    expect(view.preview.days).toHaveLength(14);
    expect(view.preview.days[0]).toMatchObject({ date: "2027-03-22", label: "Mon 22 Mar" });
    expect(view.preview.days.find((day) => day.date === "2027-03-28")!.hours).toBe(23);
    expect(view.preview.days.find((day) => day.date === "2027-03-24")).toMatchObject({ windows: [], stops: [{ kind: "holiday", note: "Founders' day" }] });
    expect(view.exceptions).toMatchObject([{ kind: "holiday", start: "2027-03-23T23:00:00.000Z", note: "Founders' day" }]);
    expect(view.shifts).toHaveLength(10);
    const previewed = view.preview.days.flatMap((day) => day.windows.map(({ start, end }) => ({ start, end })));
    expect(previewed).toEqual(await plannedWindows(factory.id, line.id, { from: view.preview.from, to: view.preview.to }));
  });

  it("moves the windows with the line's time zone", async () => {
    const factory = await nordkyl();
    const line = await lineWithShifts(factory.admin);
    await updateLineSettings(factory.admin, line.id, { code: line.code, name: "Now in Lisbon", capabilities: ["sheet-metal"], speed: 1.25, timeZone: "Europe/Lisbon", version: line.version }, null);
    const windows = await plannedWindows(factory.id, line.id);
    expect(iso(windows[0]!.start)).toBe("2027-03-22T06:00:00.000Z");
  });
});

describe("what the scheduler reads after the setup matrix is saved", () => {
  it("reads the saved cells and default; a cleared cell falls back to the default", async () => {
    const factory = await nordkyl();
    const view = await getSetupMatrix(factory.planner);
    expect(view.canManage).toBe(false);
    const families = view.families.map((entry) => entry.family);
    expect(families).toEqual(expect.arrayContaining(["fridge-steel", "fridge-glass", "fridge-painted"]));
    expect(view.families.find((entry) => entry.family === "fridge-steel")!.products).toBeGreaterThan(0);
    const before = view.table;
    const steelToGlass = before.matrix["fridge-steel"]?.["fridge-glass"] ?? null;
    const glassToSteel = before.matrix["fridge-glass"]?.["fridge-steel"] ?? null;
    expect(steelToGlass).not.toBeNull();

    await saveSetupMatrix(
      factory.admin,
      {
        defaultMinutes: { before: before.defaultMinutes, after: 42 },
        cells: [
          { from: "fridge-steel", to: "fridge-glass", before: steelToGlass, after: 17 },
          { from: "fridge-glass", to: "fridge-steel", before: glassToSteel, after: null },
          { from: "fridge-steel", to: "washer-new", before: null, after: 90 },
        ],
      },
      null,
    );
    const state = await loadPlanningState(factory.id, RANGE);
    expect(state.setups.defaultMinutes).toBe(42);
    expect(setupMinutesBetween(state.setups, "fridge-steel", "fridge-glass")).toBe(17);
    expect(setupMinutesBetween(state.setups, "fridge-glass", "fridge-steel")).toBe(42);
    expect(setupMinutesBetween(state.setups, "fridge-steel", "washer-new")).toBe(90);
    const build = toSchedulingInstance({ lines: state.lines, jobs: [], setups: state.setups, now: RANGE.from, horizonMs: RANGE.to - RANGE.from });
    const setups = build.instance!.setups!;
    expect(setups.default).toBe(42);
    expect(setups.matrix!["fridge-steel"]).toMatchObject({ "fridge-glass": 17, "washer-new": 90 });
    expect(setups.matrix!["fridge-glass"]?.["fridge-steel"]).toBeUndefined();
    expect(await db.auditLog.count({ where: { action: "setup-matrix.save", organizationId: factory.id } })).toBe(1);
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: "board.changed" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ rooms: [`manufacturer:${factory.id}`], payload: { reason: "setup-matrix" } });
    expect((await getSetupMatrix(factory.admin)).families.map((entry) => entry.family)).toContain("washer-new");
  });

  it("refuses edits that started from values changed meanwhile (409), naming them, and saves nothing", async () => {
    const factory = await nordkyl();
    const before = (await getSetupMatrix(factory.admin)).table;
    const cell = before.matrix["fridge-painted"]?.["fridge-steel"] ?? null;
    await saveSetupMatrix(factory.admin, { cells: [{ from: "fridge-painted", to: "fridge-steel", before: cell, after: 55 }] }, null);
    await expect(
      saveSetupMatrix(
        factory.admin,
        {
          defaultMinutes: { before: before.defaultMinutes, after: before.defaultMinutes + 1 },
          cells: [{ from: "fridge-painted", to: "fridge-steel", before: cell, after: 60 }],
        },
        null,
      ),
    ).rejects.toMatchObject({ status: 409, code: "SETUP_MATRIX_CHANGED", message: expect.stringContaining("fridge-painted → fridge-steel is now 55 min") });
    const state = await loadPlanningState(factory.id, RANGE);
    expect(state.setups.defaultMinutes).toBe(before.defaultMinutes);
    expect(setupMinutesBetween(state.setups, "fridge-painted", "fridge-steel")).toBe(55);
  });

  it("lets only the factory's admins save it", async () => {
    const factory = await nordkyl();
    const sartoria = await organizationBySlug("sartoria");
    const stranger = await actorOf(await createUser("admin", sartoria.id));
    const save = { cells: [{ from: "fridge-steel", to: "fridge-glass", before: null, after: 1 }] };
    await expect(saveSetupMatrix(factory.planner, save, null)).rejects.toMatchObject({ status: 403 });
    // Sartoria's admin saves Sartoria's matrix: Nordkyl's is untouched.
    const nordkylBefore = (await loadPlanningState(factory.id, RANGE)).setups;
    const sartoriaBefore = (await getSetupMatrix(stranger)).table;
    await saveSetupMatrix(stranger, { cells: [{ from: "shirt-cotton", to: "shirt-linen", before: sartoriaBefore.matrix["shirt-cotton"]?.["shirt-linen"] ?? null, after: 3 }] }, null);
    expect((await loadPlanningState(factory.id, RANGE)).setups).toEqual(nordkylBefore);
    expect(setupMinutesBetween((await loadPlanningState(sartoria.id, RANGE)).setups, "shirt-cotton", "shirt-linen")).toBe(3);
  });
});
