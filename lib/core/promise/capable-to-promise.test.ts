import { describe, expect, it } from "vitest";
import { productionWindows } from "../planning/production-windows";
import { capableToPromise, fixedLeadTimePromise, type CapablePromiseInput } from "./capable-to-promise";
import { reviewPromises } from "./review-promises";
import { mergeWindows } from "./working-time";

const t = (iso: string) => Date.parse(iso);
const shifts = [0, 1, 2, 3, 4].flatMap((weekday) => [
  { weekday, startMinute: 360, endMinute: 840, name: "early" },
  { weekday, startMinute: 840, endMinute: 1320, name: "late" },
]);
const holidays = [{ kind: "holiday" as const, start: t("2026-12-23T23:00:00Z"), end: t("2026-12-26T23:00:00Z"), note: "Christmas" }];
const calendar = mergeWindows(productionWindows({ timeZone: "Europe/Stockholm", shifts, exceptions: holidays }, t("2026-12-01T00:00:00Z"), t("2027-01-31T00:00:00Z")));
const shipping = { timeZone: "Europe/Stockholm", cutoffMinute: 900, transitDays: 3, destination: "SE", holidays: new Set(["2026-12-24", "2026-12-25"]) };

const input: CapablePromiseInput = {
  release: { kind: "release", release: t("2026-12-07T00:00:00Z"), critical: { partNumber: "DOOR", name: "door panel", supplier: "Polar", leadTimeDays: 6 }, optionDays: 0, parts: [] },
  slots: [{ lineId: "l2", lineCode: "NK-F2", start: t("2026-12-09T09:00:00Z"), end: t("2026-12-09T10:40:00Z") }],
  margin: { minutes: 360, level: 0.9, samples: 143, coverage: 0.92, source: "history" },
  calendar,
  shipping,
  express: false,
};

describe("capableToPromise", () => {
  it("adds the margin in working time, ships by the cut-off and says what it rests on", () => {
    const promise = capableToPromise(input);
    // Wed 9 Dec 11:40 local + 6 working hours = 17:40 local (16:40Z): after the 15:00 cut-off,
    // leaves Thu 10 Dec, 3 carrier days: Tue 15 Dec.
    expect(new Date(promise.promisedFinish).toISOString()).toBe("2026-12-09T16:40:00.000Z");
    expect(promise).toMatchObject({ kind: "capable-to-promise", dispatchDate: "2026-12-10", arrivalDate: "2026-12-15", transitDays: 3 });
    // The due date is the cut-off of the latest dispatch day that still arrives Tue 15: Thu 10, 15:00 local.
    expect(new Date(promise.productionDue).toISOString()).toBe("2026-12-10T14:00:00.000Z");
    expect(promise.basis.map((b) => b.label)).toEqual([
      "parts by Mon 7 Dec (door panel from Polar, 6 days)",
      "line NK-F2 has a slot Wed 9 Dec, 10:00, done Wed 9 Dec, 11:40",
      "6 h of working time as a safety margin: 92 % of 143 past orders finished within it (aiming at 90 %)",
      "leaves Thu 10 Dec, 3 carrier days to SE",
    ]);
  });

  it("carries a margin over a weekend and Christmas, in working time and carrier days", () => {
    const promise = capableToPromise({
      ...input,
      slots: [{ lineId: "l1", lineCode: "NK-F1", start: t("2026-12-23T18:00:00Z"), end: t("2026-12-23T20:30:00Z") }],
      margin: { minutes: 120, level: 0.9, samples: 0, coverage: null, source: "prior" },
    });
    // Wed 23 Dec 21:30 local: 30 min left that day, the rest Mon 28 Dec 06:00–07:30 local.
    expect(new Date(promise.promisedFinish).toISOString()).toBe("2026-12-28T06:30:00.000Z");
    expect(promise).toMatchObject({ dispatchDate: "2026-12-28", arrivalDate: "2026-12-31" });
    expect(promise.basis.find((b) => b.stage === "margin")?.label).toBe("2 h of working time as a safety margin (no delivery history yet)");
  });

  it("takes the last unit of several and names every line", () => {
    const promise = capableToPromise({
      ...input,
      slots: [
        { lineId: "l1", lineCode: "NK-F1", start: t("2026-12-09T05:00:00Z"), end: t("2026-12-09T07:00:00Z") },
        { lineId: "l2", lineCode: "NK-F2", start: t("2026-12-09T09:00:00Z"), end: t("2026-12-10T10:00:00Z") },
      ],
      margin: { ...input.margin, minutes: 0 },
      express: true,
    });
    expect(promise.plannedFinish).toBe(t("2026-12-10T10:00:00Z"));
    expect(promise.basis.find((b) => b.stage === "line")?.label).toBe("express: line NK-F1, NK-F2 has slots for 2 units from Wed 9 Dec, 06:00, done Thu 10 Dec, 11:00");
  });
});

describe("fixedLeadTimePromise", () => {
  it("is the order day plus the lead time, whatever the plan holds; its due date keeps it", () => {
    const promise = fixedLeadTimePromise({ now: t("2026-12-01T20:00:00Z"), leadTimeDays: 14, shipping });
    expect(promise).toMatchObject({ kind: "fixed-lead-time", arrivalDate: "2026-12-15" });
    expect(new Date(promise.productionDue).toISOString()).toBe("2026-12-10T14:00:00.000Z");
  });
});

describe("reviewPromises", () => {
  const order = (orderId: string, promisedDate: string, jobIds: string[]) => ({ orderId, promisedDate, jobIds, shipping });
  it("keeps orders that still finish in time and revises the others with the margin", () => {
    const reviews = reviewPromises({
      orders: [order("a", "2026-12-15", ["j1"]), order("b", "2026-12-15", ["j2", "j3"]), order("c", "2026-12-15", ["j4"]), order("d", "2026-12-15", [])],
      plannedEnd: new Map([
        ["j1", t("2026-12-10T14:00:00Z")],
        ["j2", t("2026-12-09T10:00:00Z")],
        ["j3", t("2026-12-11T10:00:00Z")],
      ]),
      unplaced: new Set(["j4"]),
      margin: { minutes: 120, level: 0.9, samples: 10, coverage: 0.9, source: "blend" },
      calendar,
    });
    expect(reviews).toEqual([
      { orderId: "a", holds: true, expectedFinish: t("2026-12-10T14:00:00Z") },
      // Fri 11 Dec 11:00 local + 2 h = 13:00 local: leaves Friday, arrives Wed 16 Dec.
      { orderId: "b", holds: false, expectedFinish: t("2026-12-11T10:00:00Z"), revisedDate: "2026-12-16", productionDue: t("2026-12-11T14:00:00Z") },
      { orderId: "c", holds: false, expectedFinish: null, revisedDate: null, productionDue: null },
    ]);
  });
});
