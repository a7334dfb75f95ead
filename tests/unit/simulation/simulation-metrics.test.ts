import { describe, expect, it } from "vitest";
import { formatMetrics, median, summarize, type OrderOutcome } from "@/lib/server/simulation/simulation-metrics";
import { deliveredLeadDays, histogram, lateByDay, leadThatKeeps, naiveLine, simulationReportHtml } from "@/lib/server/simulation/simulation-report";
import type { SimulationResult } from "@/lib/server/simulation/run-simulation";

const DAY = Date.parse("2027-01-11T10:00:00Z");

function outcome(promisedLeadDays: number, lateDays: number | null, placedAt = DAY): OrderOutcome {
  return {
    orderId: `o${promisedLeadDays}-${lateDays}-${placedAt}`,
    placedAt,
    manufacturerId: "m",
    country: "SE",
    promisedDate: "2027-02-01",
    promisedLeadDays,
    completedAt: lateDays === null ? null : placedAt + 86_400_000,
    arrivalDate: lateDays === null ? null : "2027-02-01",
    lateDays,
    kept: lateDays !== null && lateDays <= 0,
  };
}

describe("simulation metrics", () => {
  it("median of odd, even and empty lists", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it("summarize: kept only when delivered by the promised date; undelivered orders are late", () => {
    const outcomes = [outcome(10, -2), outcome(12, 0), outcome(14, 1), outcome(20, null)];
    const usage = [
      { lineCode: "A", availableMinutes: 1_000, runMinutes: 600, setupMinutes: 100 },
      { lineCode: "B", availableMinutes: 1_000, runMinutes: 300, setupMinutes: 0 },
    ];
    const metrics = summarize(outcomes, usage, 0.61);
    expect(metrics).toEqual({ orders: 4, keptRate: 0.5, medianLeadDays: 13, lateOrders: 2, undelivered: 1, utilization: 0.5, setupShare: 0.1, oee: 0.61 });
    expect(formatMetrics(metrics)).toBe("promises kept=50.0% median_lead_days=13 late_orders=2 utilization=50.0% setup_share=10.0% oee=61.0%");
    expect(formatMetrics(summarize([], [], null))).toBe("promises kept=0.0% median_lead_days=0 late_orders=0 utilization=0.0% setup_share=0.0% oee=n/a");
  });
});

describe("simulation report helpers", () => {
  it("the delivered lead is the promised lead plus the days late", () => {
    expect(deliveredLeadDays(outcome(10, 3))).toBe(13);
    expect(deliveredLeadDays(outcome(10, -4))).toBe(6);
    expect(deliveredLeadDays(outcome(10, null))).toBeNull();
  });

  it("the naive lead keeping a rate is the shortest fixed lead that delivers that share in time", () => {
    // Delivered leads 6, 8, 10, 12 and one never delivered.
    const outcomes = [outcome(8, -2), outcome(8, 0), outcome(8, 2), outcome(8, 4), outcome(8, null)];
    expect(leadThatKeeps(outcomes, 0.4)).toEqual({ leadDays: 8, keptRate: 0.4 });
    expect(leadThatKeeps(outcomes, 0.5)).toEqual({ leadDays: 10, keptRate: 0.6 });
    expect(leadThatKeeps(outcomes, 0.8)).toEqual({ leadDays: 12, keptRate: 0.8 });
    expect(leadThatKeeps(outcomes, 0.9)).toBeNull();
    expect(leadThatKeeps([], 0.9)).toBeNull();
  });

  it("says whether our median lead is no longer than the naive lead that keeps our rate", () => {
    const ours = summarize([outcome(9, 0), outcome(11, -1)], [], null);
    expect(naiveLine({ leadDays: 12, keptRate: 1 }, ours)).toContain("ours is no longer");
    expect(naiveLine({ leadDays: 9, keptRate: 1 }, ours)).toContain("ours is LONGER");
  });

  it("histograms clamp into their ends; late orders are counted on the day they were placed", () => {
    expect(histogram([-9, -1, 0, 0.4, 2, 7], -2, 3)).toEqual([
      { bucket: -2, count: 1 },
      { bucket: -1, count: 1 },
      { bucket: 0, count: 2 },
      { bucket: 1, count: 0 },
      { bucket: 2, count: 1 },
      { bucket: 3, count: 1 },
    ]);
    const next = DAY + 86_400_000;
    expect(lateByDay([outcome(5, 1), outcome(5, 0), outcome(5, null, next), outcome(5, 2, next)], ["2027-01-11", "2027-01-12", "2027-01-13"])).toEqual([1, 2, 0]);
  });

  it("the report is a self-contained page with the four charts, escaped, and the same for the same results", () => {
    const result = {
      config: { days: 1, warmupDays: 0, ordersPerDay: 2, targetLoad: 0.85, seed: "<s&1>", start: "2027-01-04T00:00:00Z", confidence: 0.98, promise: { mode: "capable-to-promise" }, solveIterations: 1, repairIterations: 1, drainDays: 0 },
      summary: "promises kept=50.0% median_lead_days=13 late_orders=1 utilization=50.0% setup_share=10.0% oee=n/a",
      metrics: summarize([outcome(12, 0), outcome(14, 1)], [], null),
      ordersPerDay: 2,
      capacityMinutesPerDay: 1_000,
      plannedLoad: 0.85,
      dailyUtilization: [{ day: "2027-01-11", lines: { "L-1": 0.5, "L-2": null } }],
      factoryMeasured: { from: "2027-01-20", to: "2027-01-21", lagDays: 9 },
      outcomes: [outcome(12, 0), outcome(14, 1)],
      usage: [],
      margins: [],
      counts: { orders: 2 },
      simulatedUntil: "2027-01-12T00:00:00.000Z",
    } as SimulationResult;
    const html = simulationReportHtml({ ours: result, comparison: { naive: result, naiveLead: 21, keeping: { leadDays: 15, keptRate: 1 } } });
    expect(html).toBe(simulationReportHtml({ ours: result, comparison: { naive: result, naiveLead: 21, keeping: { leadDays: 15, keptRate: 1 } } }));
    expect(html.match(/<svg /g)).toHaveLength(4);
    for (const title of ["Promise error", "Lead days", "Utilization per line", "Late orders per day"]) expect(html).toContain(`<h2>${title}</h2>`);
    expect(html).toContain("seed &lt;s&amp;1&gt;");
    expect(html).not.toContain("<s&1>");
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});
