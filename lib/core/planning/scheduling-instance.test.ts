import { describe, expect, it } from "vitest";
import { InstanceSchema } from "../scheduling/instance-schema";
import { productionWindows } from "./production-windows";
import { isoMinute, toSchedulingInstance } from "./scheduling-instance";
import { T0, job, line, min, setups } from "./test-fixtures";

describe("toSchedulingInstance", () => {
  it("plans not-started jobs, frees a line after its running job, pins locked jobs, and is valid FORMAT.md", () => {
    const build = toSchedulingInstance({
      lines: [line(), line({ id: "L2", code: "NK-F2", windows: [] })],
      jobs: [
        job({ id: "R", status: "running", lineId: "L1", start: min(-30), end: min(45), family: "glass" }),
        job({ id: "S", status: "scheduled", lineId: "L1", start: min(120), end: min(180) }),
        job({ id: "K", status: "queued", lineId: "L1", start: min(300), end: min(360), locked: true }),
        job({ id: "W", status: "waiting_parts" }),
        job({ id: "D", status: "done", lineId: "L1", start: min(-200), end: min(-100) }),
      ],
      setups,
      now: T0 + 10_500, // not on a whole minute
      horizonMs: 2 * 86_400_000,
    });
    expect(InstanceSchema.safeParse(build.instance).success).toBe(true);
    expect(build.plannedJobIds.sort()).toEqual(["K", "S"]);
    expect(build.instance!.horizon.start).toBe(isoMinute(min(1)));
    expect(build.instance!.lines).toHaveLength(1);
    expect(build.instance!.lines[0]).toMatchObject({ id: "L1", initialFamily: "glass", windows: [{ start: isoMinute(min(45)), end: isoMinute(min(480)) }, { start: isoMinute(min(480)), end: isoMinute(min(960)) }] });
    expect(build.instance!.jobs.find((j) => j.id === "K")?.pinned).toEqual({ lineId: "L1", start: isoMinute(min(300)) });
    expect(build.instance!.jobs.find((j) => j.id === "S")?.pinned).toBeUndefined();
    expect(build.notes).toEqual(["NK-F2 has no production time in the next 2 days."]);
  });

  it("returns no instance when no line has time", () => {
    expect(toSchedulingInstance({ lines: [line({ windows: [] })], jobs: [], setups, now: T0, horizonMs: 86_400_000 }).instance).toBeNull();
  });
});

describe("productionWindows", () => {
  it("lays weekly shifts in the line's zone and cuts holidays and maintenance out", () => {
    const calendar = {
      timeZone: "Europe/Stockholm",
      shifts: [{ weekday: 1, startMinute: 360, endMinute: 840, name: "early" }], // Tuesdays 06:00–14:00 local
      exceptions: [{ kind: "maintenance" as const, start: Date.parse("2026-12-01T08:00:00Z"), end: Date.parse("2026-12-01T09:00:00Z"), note: "" }],
    };
    const windows = productionWindows(calendar, Date.parse("2026-11-30T00:00:00Z"), Date.parse("2026-12-03T00:00:00Z"));
    // Stockholm is UTC+1 in December: 05:00–13:00 UTC, minus 08:00–09:00.
    expect(windows.map((w) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()])).toEqual([
      ["2026-12-01T05:00:00.000Z", "2026-12-01T08:00:00.000Z"],
      ["2026-12-01T09:00:00.000Z", "2026-12-01T13:00:00.000Z"],
    ]);
  });
});
