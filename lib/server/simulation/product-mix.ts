import { evaluate } from "@/lib/core/configurator/evaluate";
import { productionWindows } from "@/lib/core/planning/production-windows";
import { countryOfTimeZone } from "@/lib/core/promise/shipping";
import type { Random } from "@/lib/core/scheduling/random";
import { loadPublishedProducts } from "../catalogue/load-product-version";
import { db } from "../db";
import { pick, randomConfiguration, type ProductMix } from "./order-arrivals";
import { WORLD } from "./simulation-config";

/**
 * How many orders a day of each product load the factory to `targetLoad`: each line's weekly
 * production minutes (at its speed) are shared among the products it can make, and a product's
 * share divided by the work an average order of it brings (processing at speed 1, plus an
 * allowance for setups). With `ordersPerDay` given, the mix keeps its shape at that total.
 */
export async function productMix(input: { start: number; targetLoad: number; ordersPerDay: number | null; random: Random }): Promise<{ mix: ProductMix; capacityMinutesPerDay: number; plannedLoad: number }> {
  const products = await db.product.findMany({ where: { status: "published" }, select: { id: true, manufacturerId: true }, orderBy: { slug: "asc" } });
  const published = await loadPublishedProducts(products.map((product) => product.id));
  const lines = await db.line.findMany({
    orderBy: { code: "asc" },
    select: { manufacturerId: true, capabilities: true, speed: true, timeZone: true, shifts: true, exceptions: { select: { kind: true, start: true, end: true, note: true } } },
  });
  const settings = await db.factorySettings.findMany({ select: { manufacturerId: true, timeZone: true } });
  const week = { from: input.start, to: input.start + 7 * 86_400_000 };
  const lineMinutesPerDay = lines.map((line) => {
    // A normal week: holidays and maintenance are what the simulation meets, not what it plans for.
    const windows = productionWindows({ timeZone: line.timeZone, shifts: line.shifts, exceptions: [] }, week.from, week.to);
    return (windows.reduce((sum, window) => sum + (window.end - window.start), 0) / 60_000 / 7) * line.speed;
  });
  const entries = products.flatMap((product) => {
    const definition = published.get(product.id)?.definition;
    if (!definition) return [];
    let work = 0;
    const samples = 200;
    for (let i = 0; i < samples; i++) {
      const quantity = pick(input.random, WORLD.quantityOdds).quantity;
      work += evaluate(definition, randomConfiguration(definition, input.random), { quantity }).job.minutes;
    }
    const requires = definition.routing.capabilities;
    const capable = lines.map((line, index) => (line.manufacturerId === product.manufacturerId && requires.every((c) => line.capabilities.includes(c)) ? index : -1)).filter((index) => index >= 0);
    return [{ product: definition, manufacturerId: product.manufacturerId, capable, work: work / samples }];
  });
  const sharers = lines.map((_, index) => entries.filter((entry) => entry.capable.includes(index)).length);
  const capacityMinutesPerDay = lineMinutesPerDay.reduce((sum, minutes) => sum + minutes, 0);
  let mix: ProductMix = entries.map((entry) => {
    const capacity = entry.capable.reduce((sum, index) => sum + lineMinutesPerDay[index]! / sharers[index]!, 0);
    const timeZone = settings.find((row) => row.manufacturerId === entry.manufacturerId)?.timeZone ?? "UTC";
    return { product: entry.product, manufacturerId: entry.manufacturerId, factoryCountry: countryOfTimeZone(timeZone), ordersPerDay: (input.targetLoad * capacity) / ((1 + WORLD.setupAllowance) * entry.work) };
  });
  let plannedLoad = input.targetLoad;
  if (input.ordersPerDay !== null) {
    const total = mix.reduce((sum, entry) => sum + entry.ordersPerDay, 0);
    mix = mix.map((entry) => ({ ...entry, ordersPerDay: (entry.ordersPerDay * input.ordersPerDay!) / total }));
    plannedLoad = (input.targetLoad * input.ordersPerDay) / total;
  }
  return { mix, capacityMinutesPerDay, plannedLoad };
}
