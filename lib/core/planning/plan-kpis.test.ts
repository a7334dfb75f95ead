import { describe, expect, it } from "vitest";
import { movedJobs, planKpis } from "./plan-kpis";
import { job, line, min } from "./test-fixtures";

describe("planKpis", () => {
  it("counts late jobs, weighted tardiness, setups, on-time rate and utilization", () => {
    const jobs = [
      job({ id: "A", lineId: "L1", start: min(30), end: min(90), setupMinutes: 30, due: min(60), weight: 2 }), // 30 min late × 2
      job({ id: "B", lineId: "L1", start: min(90), end: min(150), setupMinutes: 0, due: min(600) }),
      job({ id: "C", status: "ready" }), // not planned
    ];
    const kpis = planKpis([line()], jobs, { start: min(0), end: min(960) });
    expect(kpis).toEqual({ plannedJobs: 2, lateJobs: 1, weightedTardiness: 60, setupMinutes: 30, onTimeRate: 0.5, utilization: { L1: 150 / 960 } });
  });
  it("lists moved jobs", () => {
    const current = [job({ id: "A", lineId: "L1", start: min(0) }), job({ id: "B", lineId: "L1", start: min(60) })];
    expect(movedJobs(current, [{ jobId: "A", lineId: "L1", start: min(0) }, { jobId: "B", lineId: "L2", start: min(60) }, { jobId: "N", lineId: "L1", start: min(5) }])).toEqual(["B", "N"]);
  });
});
