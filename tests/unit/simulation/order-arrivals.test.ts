import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { madeToMeasureShirt, refrigerator } from "@/lib/core/configurator/examples";
import { createRandom } from "@/lib/core/scheduling/random";
import { drawArrivals, pick, randomConfiguration, type ProductMix } from "@/lib/server/simulation/order-arrivals";

const DAY_MS = 86_400_000;
const START = Date.parse("2027-01-04T00:00:00Z");
const mix: ProductMix = [
  { product: refrigerator, manufacturerId: "appliances", factoryCountry: "SE", ordersPerDay: 30 },
  { product: madeToMeasureShirt, manufacturerId: "textiles", factoryCountry: "IT", ordersPerDay: 10 },
];

// Configuring products (the configurator's own rules) takes a few milliseconds an order.
describe("order arrivals", { timeout: 30_000 }, () => {
  it("repeat for a seed, and differ for another", () => {
    const draw = (seed: string) => drawArrivals({ random: createRandom(seed), start: START, days: 1, warmupDays: 1, mix });
    const strip = (arrivals: ReturnType<typeof draw>) => arrivals.map(({ product, ...rest }) => ({ product: product.id, ...rest }));
    expect(strip(draw("a"))).toEqual(strip(draw("a")));
    expect(strip(draw("a"))).not.toEqual(strip(draw("b")));
  });

  it("arrive in order during the consumers' day, numbered, with the warm-up days unmeasured", () => {
    const arrivals = drawArrivals({ random: createRandom("day"), start: START, days: 4, warmupDays: 2, mix });
    arrivals.forEach((arrival, index) => {
      expect(arrival.index).toBe(index);
      if (index > 0) expect(arrival.at).toBeGreaterThanOrEqual(arrivals[index - 1]!.at);
      const hour = new Date(arrival.at).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(7);
      expect(hour).toBeLessThan(23);
      expect(arrival.measured).toBe(arrival.at >= START + 2 * DAY_MS);
      expect(arrival.at).toBeLessThan(START + 6 * DAY_MS);
    });
  });

  it("come at the mix's rate (a Poisson process) and in its proportions", () => {
    const days = 60;
    const arrivals = drawArrivals({ random: createRandom("rate"), start: START, days, warmupDays: 0, mix });
    expect(arrivals.length / days).toBeGreaterThan(37);
    expect(arrivals.length / days).toBeLessThan(43);
    const fridges = arrivals.filter((arrival) => arrival.product.id === refrigerator.id).length / arrivals.length;
    expect(fridges).toBeGreaterThan(0.7);
    expect(fridges).toBeLessThan(0.8);
    const perDay = Array.from({ length: days }, (_, day) => arrivals.filter((arrival) => Math.floor((arrival.at - START) / DAY_MS) === day).length);
    // Poisson: the variance is about the mean, so days are not all alike.
    expect(new Set(perDay).size).toBeGreaterThan(5);
  });

  it("carry valid configurations, quantities of 1–3 and a destination, home mostly", () => {
    const arrivals = drawArrivals({ random: createRandom("valid"), start: START, days: 10, warmupDays: 0, mix });
    for (const arrival of arrivals) {
      expect(evaluate(arrival.product, arrival.configuration).valid).toBe(true);
      expect([1, 2, 3]).toContain(arrival.quantity);
      expect(arrival.country).toMatch(/^[A-Z]{2}$/);
    }
    const home = arrivals.filter((arrival) => arrival.country === (arrival.manufacturerId === "appliances" ? "SE" : "IT")).length / arrivals.length;
    expect(home).toBeGreaterThan(0.5);
    expect(home).toBeLessThan(0.7);
  });

  it("configure products the way a consumer does: valid, and not always the defaults", () => {
    const random = createRandom("configure");
    const configurations = Array.from({ length: 50 }, () => randomConfiguration(madeToMeasureShirt, random));
    for (const configuration of configurations) expect(evaluate(madeToMeasureShirt, configuration).valid).toBe(true);
    expect(new Set(configurations.map((configuration) => JSON.stringify(configuration))).size).toBeGreaterThan(10);
  });

  it("pick by weight", () => {
    const random = createRandom("pick");
    const options = [{ name: "a", weight: 3 }, { name: "b", weight: 1 }, { name: "never", weight: 0 }];
    const picks = Array.from({ length: 4_000 }, () => pick(random, options).name);
    expect(picks).not.toContain("never");
    const share = picks.filter((name) => name === "a").length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });
});
