import { describe, expect, it } from "vitest";
import { computeOee } from "./compute-oee";

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 6);

describe("computeOee", () => {
  it("multiplies availability, performance and quality from status changes and unit counts", () => {
    // 8 h shift, 1 h planned maintenance → 7 h planned; down 1 h, idle 0.5 h → 5.5 h running.
    const oee = computeOee({
      window: { start: T0, end: T0 + 8 * H },
      plannedStops: [{ start: T0 + 4 * H, end: T0 + 5 * H }],
      now: T0 + 10 * H,
      initialStatus: "running",
      statusChanges: [
        { at: T0 + 1 * H, status: "down" },
        { at: T0 + 2 * H, status: "running" },
        { at: T0 + 7.5 * H, status: "idle" },
      ],
      // 60 units at 5 ideal minutes = 5 h ideal; 57 good.
      units: [{ good: 40, scrap: 2, idealUnitMinutes: 5 }, { good: 17, scrap: 1, idealUnitMinutes: 5 }],
      timeScale: 1,
    });
    expect(oee.plannedMs).toBe(7 * H);
    expect(oee.runMs).toBe(5.5 * H);
    expect(oee.downMs).toBe(1 * H);
    expect(oee.availability).toBeCloseTo(5.5 / 7, 10);
    expect(oee.performance).toBeCloseTo(5 / 5.5, 10);
    expect(oee.quality).toBeCloseTo(57 / 60, 10);
    expect(oee.oee).toBeCloseTo((5.5 / 7) * (5 / 5.5) * (57 / 60), 10);
  });

  it("counts a shift in progress only up to now, and time the line reported as maintenance as planned stop", () => {
    const oee = computeOee({
      window: { start: T0, end: T0 + 8 * H },
      plannedStops: [],
      now: T0 + 2 * H,
      initialStatus: "maintenance",
      statusChanges: [{ at: T0 + 1 * H, status: "running" }],
      units: [{ good: 6, scrap: 0, idealUnitMinutes: 10 }],
      timeScale: 1,
    });
    expect(oee).toMatchObject({ plannedMs: 1 * H, runMs: 1 * H, availability: 1, performance: 1, quality: 1, oee: 1 });
  });

  it("reports unknown rather than 100 % when nothing was planned or made, and scales ideal time for simulators", () => {
    const empty = computeOee({ window: { start: T0, end: T0 + H }, plannedStops: [{ start: T0, end: T0 + H }], now: T0 + 2 * H, initialStatus: "running", statusChanges: [], units: [], timeScale: 1 });
    expect(empty).toMatchObject({ plannedMs: 0, availability: null, performance: null, quality: null, oee: null });
    const accelerated = computeOee({ window: { start: T0, end: T0 + H }, plannedStops: [], now: T0 + H, initialStatus: "running", statusChanges: [], units: [{ good: 54, scrap: 0, idealUnitMinutes: 60 }], timeScale: 60 });
    expect(accelerated.performance).toBeCloseTo(0.9, 10);
    const silent = computeOee({ window: { start: T0, end: T0 + H }, plannedStops: [], now: T0 + H, initialStatus: null, statusChanges: [], units: [], timeScale: 1 });
    expect(silent).toMatchObject({ plannedMs: H, runMs: 0, availability: 0 });
  });
});
