import { applyChoice } from "@/lib/core/configurator/apply-choice";
import type { Configuration } from "@/lib/core/configurator/configuration";
import { evaluate } from "@/lib/core/configurator/evaluate";
import type { ProductDefinition } from "@/lib/core/configurator/product-definition";
import type { Random } from "@/lib/core/scheduling/random";
import { WORLD } from "./simulation-config";

/**
 * The consumers' side of the simulation, drawn from the seed up front: when orders arrive
 * (a Poisson process over the consumers' day, 07:00–23:00 UTC, every day of the week), which
 * product, how configured (a few random choices made the way the configurator makes them),
 * how many and where to.
 */
export type ProductMix = Array<{ product: ProductDefinition; manufacturerId: string; factoryCountry: string; ordersPerDay: number }>;

export type Arrival = {
  at: number;
  index: number;
  measured: boolean;
  product: ProductDefinition;
  manufacturerId: string;
  configuration: Configuration;
  quantity: number;
  country: string;
};

const DAY_MS = 86_400_000;
const NEIGHBOUR: Record<string, string> = { SE: "NO", IT: "FR" };

export function pick<T extends { weight: number }>(random: Random, options: readonly T[]): T {
  const total = options.reduce((sum, option) => sum + option.weight, 0);
  let draw = random.next() * total;
  for (const option of options) {
    draw -= option.weight;
    if (draw < 0) return option;
  }
  return options[options.length - 1]!;
}

/** A Poisson count (Knuth's method; means here are tens). */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let product = random.next();
  let count = 0;
  while (product > limit) {
    product *= random.next();
    count++;
  }
  return count;
}

export function randomConfiguration(product: ProductDefinition, random: Random): Configuration {
  let configuration: Configuration = {};
  for (const group of product.groups) {
    let value: string | number | string[] | null = null;
    if (group.kind === "single") {
      // Express is a rare, deliberate choice; anything else a third of the time.
      const express = group.options.find((option) => (option.leadTimeDays ?? 0) < 0);
      const regular = group.options.filter((option) => (option.leadTimeDays ?? 0) >= 0);
      if (express && random.next() < WORLD.expressShare) value = express.code;
      else if (random.next() < 0.35 && regular.length > 0) value = regular[random.int(0, regular.length - 1)]!.code;
    } else if (group.kind === "multi") {
      if (random.next() < 0.3) value = [group.options[random.int(0, group.options.length - 1)]!.code];
    } else if (group.kind === "numeric") {
      if (random.next() < 0.35) value = group.min + group.step * random.int(0, Math.floor((group.max - group.min) / group.step));
    }
    if (value === null) continue;
    const result = applyChoice(product, configuration, group.code, value);
    if (result.ok && result.resolved && result.evaluation.valid) configuration = result.evaluation.configuration;
  }
  const evaluation = evaluate(product, configuration);
  return evaluation.valid ? evaluation.configuration : evaluate(product, {}).configuration;
}

export function drawArrivals(input: { random: Random; start: number; days: number; warmupDays: number; mix: ProductMix }): Arrival[] {
  const { random, mix } = input;
  const arrivals: Arrival[] = [];
  const total = mix.reduce((sum, entry) => sum + entry.ordersPerDay, 0);
  for (let day = 0; day < input.warmupDays + input.days; day++) {
    const count = poisson(random, total);
    const times = Array.from({ length: count }, () => input.start + day * DAY_MS + 7 * 3_600_000 + Math.floor(random.next() * 16 * 60) * 60_000).sort((a, b) => a - b);
    for (const at of times) {
      const entry = pick(random, mix.map((candidate) => ({ ...candidate, weight: candidate.ordersPerDay })));
      const destination = pick(random, WORLD.destinations).country;
      arrivals.push({
        at,
        index: arrivals.length,
        measured: day >= input.warmupDays,
        product: entry.product,
        manufacturerId: entry.manufacturerId,
        configuration: randomConfiguration(entry.product, random),
        quantity: pick(random, WORLD.quantityOdds).quantity,
        country: destination === "home" ? entry.factoryCountry || "SE" : destination === "neighbour" ? (NEIGHBOUR[entry.factoryCountry] ?? "DK") : destination,
      });
    }
  }
  return arrivals;
}
