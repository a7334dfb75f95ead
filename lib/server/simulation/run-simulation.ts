import { fixedClock } from "@/lib/core/clock/clock";
import { localParts } from "@/lib/core/oee/zoned-time";
import { createRandom } from "@/lib/core/scheduling/random";
import { setServerClock } from "../clock";
import { db } from "../db";
import { vacuumEmbeddedDatabase } from "../db/vacuum-embedded-database";
import { AppError } from "../errors";
import { persistLineEvents } from "../lines/persist-line-events";
import { placeOrder, setOrderNumberSource } from "../orders/place-order";
import { settleFollowUps } from "../promise/follow-ups";
import { forgetPromiseFactory } from "../promise/load-promise-factory";
import { forgetSafetyMargins, loadSafetyMargins } from "../promise/load-safety-margins";
import { loadPromiseFactory } from "../promise/load-promise-factory";
import { forgetPromiseBases } from "../promise/promise-base";
import { quoteDelivery } from "../promise/quote-delivery";
import { setDisruptionRepairBudget } from "../promise/repair-after-disruption";
import { drawArrivals, type Arrival } from "./order-arrivals";
import { PlannerDesk } from "./planner-desk";
import { productMix } from "./product-mix";
import { SimulationConfigSchema, WORLD, type ResolvedSimulationConfig, type SimulationConfig } from "./simulation-config";
import { factoryOee, formatMetrics, median, orderOutcomes, summarize, type FactoryUsage, type OrderOutcome, type SimulationMetrics } from "./simulation-metrics";
import type { SimulatedLine } from "./simulated-line";
import { createSimulationWorld, type SimulationWorld } from "./simulation-world";
import { SupplierDesk } from "./supplier-desk";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type SimulationResult = {
  config: ResolvedSimulationConfig;
  summary: string;
  metrics: SimulationMetrics;
  ordersPerDay: number;
  capacityMinutesPerDay: number;
  /** The work the arrivals bring against the lines' capacity (the load the rate was drawn for). */
  plannedLoad: number;
  /** Per simulated day and line: the share of its production minutes spent running or setting up. */
  dailyUtilization: Array<{ day: string; lines: Record<string, number | null> }>;
  /** The days utilization, setup share and OEE were measured on: the measured days + the median order-to-finish days. */
  factoryMeasured: { from: string; to: string; lagDays: number };
  outcomes: OrderOutcome[];
  usage: FactoryUsage[];
  margins: Array<{ day: string; manufacturer: string; stockMinutes: number; supplierMinutes: number; samples: number }>;
  counts: Record<string, number>;
  simulatedUntil: string;
};

/**
 * Runs the demo factory for a simulated period through its real use cases, on the database the
 * process is connected to (a fresh copy of the demo seed): consumers quote and order, suppliers
 * answer and slip, line agents' simulators run their queues and break down, planners plan on a
 * policy. Discrete time, one minute a step, on a fixed clock the server reads; every random
 * draw comes from the seed, the scheduler counts steps instead of time — so a seed gives the
 * same run every time (README, "Simulation").
 */
export async function runSimulation(input: SimulationConfig, onProgress?: (line: string) => void): Promise<SimulationResult> {
  const config = SimulationConfigSchema.parse(input);
  const start = Date.parse(config.start);
  const measuredFrom = start + config.warmupDays * DAY_MS;
  const measuredTo = measuredFrom + config.days * DAY_MS;
  const limit = measuredTo + config.drainDays * DAY_MS;
  const clock = fixedClock(new Date(start));
  const now = () => clock.now().getTime();
  setServerClock(clock);
  forgetPromiseBases();
  forgetPromiseFactory();
  forgetSafetyMargins();
  const numbers = createRandom(`${config.seed}/order-numbers`);
  setOrderNumberSource((count) => Uint8Array.from({ length: count }, () => numbers.int(0, 255)));
  setDisruptionRepairBudget({ iterationLimit: config.repairIterations, timeLimitMs: 600_000 });
  try {
    const world = await createSimulationWorld(config, now, limit);
    const { mix, capacityMinutesPerDay, plannedLoad } = await productMix({ start, targetLoad: config.targetLoad, ordersPerDay: config.ordersPerDay, random: createRandom(`${config.seed}/mix`) });
    const arrivals = drawArrivals({ random: createRandom(`${config.seed}/arrivals`), start, days: config.days, warmupDays: config.warmupDays, mix });
    const suppliers = new SupplierDesk(world.suppliers, createRandom(`${config.seed}/suppliers`));
    const planners = new PlannerDesk(world.planners, world.lines, { solve: config.solveIterations, repair: config.repairIterations });
    const run = new Run(config, world, arrivals, suppliers, planners, clock);
    await run.loop(measuredFrom, measuredTo, limit, onProgress);

    const simulatedUntil = now();
    const outcomes = await orderOutcomes(run.placed, simulatedUntil);
    // The factory is measured while it makes the measured orders: the measured days shifted by
    // the median time from order to finished goods (arrival days, in a factory that starts
    // empty, are mostly a ramp-up).
    const lagDays = Math.round(median(outcomes.filter((outcome) => outcome.completedAt !== null).map((outcome) => (outcome.completedAt! - outcome.placedAt) / DAY_MS)));
    const usageFrom = measuredFrom + lagDays * DAY_MS;
    const usageTo = Math.min(measuredTo + lagDays * DAY_MS, simulatedUntil);
    const usage = [...world.lines.values()].map((line) => {
      const days = run.dayMinutes.filter((entry) => entry.at >= usageFrom && entry.at < usageTo).map((entry) => entry.lines.get(line.code)!);
      const sum = (key: "availableMinutes" | "runMinutes" | "setupMinutes") => days.reduce((total, day) => total + day[key], 0);
      return { lineCode: line.code, availableMinutes: sum("availableMinutes"), runMinutes: sum("runMinutes"), setupMinutes: sum("setupMinutes") };
    });
    clock.set(new Date(usageTo));
    const oee = await factoryOee([...world.planners.values()].map((planner) => planner.actor), world.lineIdsByManufacturer, Math.max(1, Math.round((usageTo - usageFrom) / DAY_MS)));
    const metrics = summarize(outcomes, usage, oee);
    return {
      config,
      summary: formatMetrics(metrics),
      metrics,
      ordersPerDay: Math.round(mix.reduce((sum, entry) => sum + entry.ordersPerDay, 0) * 10) / 10,
      capacityMinutesPerDay: Math.round(capacityMinutesPerDay),
      plannedLoad: Math.round(plannedLoad * 1000) / 1000,
      dailyUtilization: run.dailyUtilization,
      factoryMeasured: { from: new Date(usageFrom).toISOString().slice(0, 10), to: new Date(usageTo).toISOString().slice(0, 10), lagDays },
      outcomes,
      usage,
      margins: run.margins,
      counts: { ...run.counts, ...prefixed("supplier", suppliers.counts), ...prefixed("planner", planners.counts) },
      simulatedUntil: new Date(simulatedUntil).toISOString(),
    };
  } finally {
    setServerClock(undefined);
    setOrderNumberSource(undefined);
    setDisruptionRepairBudget(undefined);
  }
}

function prefixed(prefix: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, value]) => [`${prefix}_${key}`, value]));
}

class Run {
  readonly placed: Array<{ orderId: string; placedAt: number; manufacturerId: string; country: string; promisedDate: string }> = [];
  readonly margins: SimulationResult["margins"] = [];
  readonly dailyUtilization: SimulationResult["dailyUtilization"] = [];
  /** Per day (its start) and line code: production, run and setup minutes. */
  readonly dayMinutes: Array<{ at: number; lines: Map<string, { availableMinutes: number; runMinutes: number; setupMinutes: number }> }> = [];
  private dayUsage = new Map<string, { availableMinutes: number; runMinutes: number; setupMinutes: number }>();
  readonly counts = { orders: 0, refusedOrders: 0, quotes: 0, breakdowns: 0, eventsStored: 0, eventsRefused: 0 };
  /** Wall milliseconds per kind of work (printed with the progress; not part of the results). */
  readonly spent: Record<string, number> = {};
  private next = 0;

  constructor(
    private readonly config: ResolvedSimulationConfig,
    private readonly world: SimulationWorld,
    private readonly arrivals: Arrival[],
    private readonly suppliers: SupplierDesk,
    private readonly planners: PlannerDesk,
    private readonly clock: ReturnType<typeof fixedClock>,
  ) {}

  async loop(measuredFrom: number, measuredTo: number, limit: number, onProgress?: (line: string) => void): Promise<void> {
    const started = performance.now();
    const lines = [...this.world.lines.values()];
    for (let t = Date.parse(this.config.start); t < limit; t += MINUTE_MS) {
      this.clock.set(new Date(t));
      if (t % DAY_MS === 0) {
        this.recordDay(t, lines);
        // The embedded database's housekeeping, as autovacuum would do on PostgreSQL: daily.
        await this.timed("vacuum", () => vacuumEmbeddedDatabase());
        if (t > measuredTo && (await this.allResolved(t))) break;
        onProgress?.(`${new Date(t).toISOString().slice(0, 10)}: ${this.counts.orders} orders, ${((performance.now() - started) / 1000).toFixed(0)} s, cpu ${(process.cpuUsage().user / 1e6).toFixed(0)} s (${Object.entries(this.spent).map(([kind, ms]) => `${kind} ${(ms / 1000).toFixed(1)}`).join(", ")})`);
      }
      await this.decide(t);
      for (const line of lines) line.step(t);
      for (const line of lines) {
        if (!line.pendingBreakdown) continue;
        const reason = line.pendingBreakdown;
        line.pendingBreakdown = null;
        await this.flush();
        this.counts.breakdowns++;
        await this.timed("breakdown", () => this.planners.breakdown(this.manufacturerOf(line.lineId), line.lineId, reason));
      }
      if (t % (30 * MINUTE_MS) === 0) await this.flush();
    }
    await this.flush();
  }

  /** The decisions due this minute: orders, the suppliers' hour, the planners' runs. */
  private async decide(t: number): Promise<void> {
    while (this.next < this.arrivals.length && this.arrivals[this.next]!.at <= t) {
      await this.flush();
      await this.timed("order", () => this.order(this.arrivals[this.next]!));
      this.next++;
    }
    if (t % 3_600_000 === 0) {
      await this.flush();
      const before = this.suppliers.counts.slipped;
      await this.timed("suppliers", () => this.suppliers.work(t));
      await this.timed("followUps", () => settleFollowUps());
      if (this.suppliers.counts.slipped > before) {
        // A slip's repair proposal is taken like any other; queues learn the new releases.
        for (const manufacturerId of this.world.planners.keys()) await this.timed("slipPublish", () => this.planners.acceptAndPublish(manufacturerId));
      }
    }
    // Every time zone's offset is a multiple of 15 minutes: a local full hour starts on one of these.
    if (t % (15 * MINUTE_MS) !== 0) return;
    for (const [manufacturerId, timeZone] of this.world.timeZones) {
      const local = localParts(t, timeZone);
      if (local.minute !== 0) continue;
      if (local.hour === 5) {
        await this.flush();
        await this.timed("planFull", () => this.planners.plan(manufacturerId, "full"));
        await this.timed("margins", () => this.recordMargins(manufacturerId, t));
      } else if (local.hour >= 6 && local.hour <= 21 && local.hour % WORLD.planEveryHours === 0) {
        await this.flush();
        await this.timed("planInsert", () => this.planners.plan(manufacturerId, "insert"));
      }
    }
  }

  private async order(arrival: Arrival): Promise<void> {
    const consumer = this.world.consumers[arrival.index % this.world.consumers.length]!;
    const input = { productId: arrival.product.id, configuration: arrival.configuration, quantity: arrival.quantity };
    await quoteDelivery(consumer, { ...input, country: arrival.country });
    this.counts.quotes++;
    try {
      const { order } = await placeOrder(consumer, {
        idempotencyKey: `simulation-${this.config.seed}-${arrival.index}`,
        items: [input],
        shippingAddress: { name: "Simulated consumer", line1: "Simulation street 1", line2: "", postalCode: "11122", city: "Simulated", country: arrival.country },
        contact: { email: "consumer@simulation.test" },
      });
      this.counts.orders++;
      if (arrival.measured && order.promisedDate) {
        this.placed.push({ orderId: order.id, placedAt: arrival.at, manufacturerId: arrival.manufacturerId, country: arrival.country, promisedDate: order.promisedDate.slice(0, 10) });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.counts.refusedOrders++;
    }
  }

  /** Every line's events so far, in line order, through the agents' persistence path. */
  private async flush(): Promise<void> {
    const started = performance.now();
    try {
      await this.flushEvents();
    } finally {
      this.spent.flush = (this.spent.flush ?? 0) + performance.now() - started;
    }
  }

  private async timed<T>(kind: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.spent[kind] = (this.spent[kind] ?? 0) + performance.now() - started;
    }
  }

  private async flushEvents(): Promise<void> {
    const batch = [...this.world.lines.values()].flatMap((line) => line.takeEvents().map((event) => ({ lineId: line.lineId, event })));
    for (let from = 0; from < batch.length; from += 1_000) {
      const { acks } = await persistLineEvents(batch.slice(from, from + 1_000), 60_000);
      for (const ack of acks) {
        if (ack.ok) this.counts.eventsStored++;
        else this.counts.eventsRefused++;
      }
    }
  }

  /** The day that just ended, per line: (run + setup) / production minutes. */
  private recordDay(t: number, lines: SimulatedLine[]): void {
    if (this.dayUsage.size > 0) {
      const day = new Date(t - DAY_MS).toISOString().slice(0, 10);
      const entry: Record<string, number | null> = {};
      const minutes = new Map<string, { availableMinutes: number; runMinutes: number; setupMinutes: number }>();
      for (const line of lines) {
        const before = this.dayUsage.get(line.lineId)!;
        const day = { availableMinutes: line.usage.availableMinutes - before.availableMinutes, runMinutes: line.usage.runMinutes - before.runMinutes, setupMinutes: line.usage.setupMinutes - before.setupMinutes };
        minutes.set(line.code, day);
        entry[line.code] = day.availableMinutes > 0 ? Math.round(((day.runMinutes + day.setupMinutes) / day.availableMinutes) * 1000) / 1000 : null;
      }
      this.dailyUtilization.push({ day, lines: entry });
      this.dayMinutes.push({ at: t - DAY_MS, lines: minutes });
    }
    for (const line of lines) this.dayUsage.set(line.lineId, { ...line.usage });
  }


  private async recordMargins(manufacturerId: string, t: number): Promise<void> {
    const factory = await loadPromiseFactory(manufacturerId, t);
    const margins = await loadSafetyMargins(manufacturerId, t, factory.calendar, factory.confidence);
    this.margins.push({ day: new Date(t).toISOString().slice(0, 10), manufacturer: manufacturerId, stockMinutes: margins.stock.minutes, supplierMinutes: margins.supplier.minutes, samples: margins.stock.samples + margins.supplier.samples });
  }

  /** Every measured order delivered, or past its promised date (late for sure). */
  private async allResolved(t: number): Promise<boolean> {
    const today = new Date(t).toISOString().slice(0, 10);
    const open = this.placed.filter((order) => order.promisedDate >= today).map((order) => order.orderId);
    if (open.length === 0) return true;
    return (await db.order.count({ where: { id: { in: open }, completedAt: null } })) === 0;
  }

  private manufacturerOf(lineId: string): string {
    for (const [manufacturerId, ids] of this.world.lineIdsByManufacturer) if (ids.includes(lineId)) return manufacturerId;
    throw new Error(`line ${lineId} belongs to no manufacturer`);
  }
}
