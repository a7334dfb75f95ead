import { addCalendarDays } from "@/lib/core/promise/estimate-delivery";
import type { Actor } from "@/lib/core/policy";
import type { Random } from "@/lib/core/scheduling/random";
import { db } from "../db";
import { respondToPartsRequest } from "../suppliers/respond-to-parts-request";
import { pick } from "./order-arrivals";
import { WORLD } from "./simulation-config";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type Planned = { answerAt: number } | { slipAt: number; to: string };

/**
 * The suppliers of the simulation, answering through the supplier use case like their users do:
 * each new request is answered within a few business hours — confirmed for its catalogue lead
 * time plus a drawn delay, or now and then refused (a part's only supplier confirms late
 * instead: someone has to make it) — and some confirmed dates slip a few days later on,
 * announced ahead of the old date.
 */
export class SupplierDesk {
  private readonly plans = new Map<string, Planned>();
  /**
   * Per part, its offers by supplier (lead time, active): what each supplier's desk knows of its
   * own catalogue. Read once (the run never edits the catalogue).
   */
  private catalogue: Map<string, Map<string, { leadTimeDays: number; active: boolean }>> | null = null;
  readonly counts = { confirmed: 0, rejected: 0, slipped: 0 };

  constructor(
    private readonly actors: Map<string, Actor>,
    private readonly random: Random,
  ) {}

  /** Business hours: answers are given Monday to Friday, 07:00–17:00 UTC. */
  static isBusinessHour(at: number): boolean {
    const date = new Date(at);
    const day = date.getUTCDay();
    return day >= 1 && day <= 5 && date.getUTCHours() >= 7 && date.getUTCHours() < 17;
  }

  /** One hour of the suppliers' work; true when something was answered. */
  async work(now: number): Promise<boolean> {
    let acted = false;
    const slipping = [...this.plans].filter(([, plan]) => "slipAt" in plan && plan.slipAt <= now).map(([id]) => id);
    // One query with the order and part numbers joined (hourly, over every open request).
    const open = await db.$queryRaw<Array<{ id: string; status: string; supplierId: string; partId: string; createdAt: Date; resourcedFromId: string | null; orderNumber: string; partNumber: string }>>`
      SELECT r."id", r."status"::text AS "status", r."supplierId", r."partId", r."createdAt", r."resourcedFromId", o."number" AS "orderNumber", p."partNumber"
      FROM "PartsRequest" r JOIN "Order" o ON o."id" = r."orderId" JOIN "Part" p ON p."id" = r."partId"
      WHERE r."status" = 'requested' OR (r."status" = 'confirmed' AND r."id" = ANY(${slipping}::text[]))`;
    // A fixed order of work: by arrival, then order number and part (seeded, unlike ids).
    open.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.orderNumber.localeCompare(b.orderNumber) || a.partNumber.localeCompare(b.partNumber) || a.supplierId.localeCompare(b.supplierId));
    for (const request of open) {
      const plan = this.plans.get(request.id);
      if (request.status === "requested") {
        if (!plan) {
          this.plans.set(request.id, { answerAt: request.createdAt.getTime() + this.random.int(1, WORLD.supplierAnswerHours) * HOUR_MS });
          continue;
        }
        if (!("answerAt" in plan) || plan.answerAt > now || !SupplierDesk.isBusinessHour(now)) continue;
        await this.answer(request, now);
        acted = true;
      } else if (plan && "slipAt" in plan && plan.slipAt <= now) {
        this.plans.delete(request.id);
        await respondToPartsRequest(this.actor(request.supplierId), { requestId: request.id, action: "revise", promisedDate: plan.to });
        this.counts.slipped++;
        acted = true;
      }
    }
    return acted;
  }

  private async answer(request: { id: string; supplierId: string; partId: string; createdAt: Date; resourcedFromId: string | null }, now: number): Promise<void> {
    const actor = this.actor(request.supplierId);
    const offersOfPart = [...((await this.offers()).get(request.partId) ?? new Map())];
    const offers = offersOfPart.filter(([, offer]) => offer.active).length;
    const refuse = this.random.next() < WORLD.rejectionRate;
    const today = new Date(now).toISOString().slice(0, 10);
    if (refuse && offers > 1 && request.resourcedFromId === null) {
      this.plans.delete(request.id);
      await respondToPartsRequest(actor, { requestId: request.id, action: "reject", reason: "no capacity this month" });
      this.counts.rejected++;
      return;
    }
    const delay = refuse ? this.random.int(3, 7) : pick(this.random, WORLD.confirmationDelayDays).days;
    const lead = offersOfPart.find(([supplierId]) => supplierId === request.supplierId)?.[1].leadTimeDays ?? 7;
    let promised = addCalendarDays(request.createdAt.toISOString().slice(0, 10), lead + delay);
    if (promised < today) promised = today;
    await respondToPartsRequest(actor, { requestId: request.id, action: "confirm", promisedDate: promised });
    this.counts.confirmed++;
    if (this.random.next() < WORLD.slipRate) {
      const promisedAt = Date.parse(`${promised}T00:00:00Z`);
      const slipAt = Math.max(now + HOUR_MS, promisedAt - this.random.int(1, 3) * DAY_MS + 10 * HOUR_MS);
      this.plans.set(request.id, { slipAt, to: addCalendarDays(promised, this.random.int(1, 4)) });
    } else {
      this.plans.delete(request.id);
    }
  }

  private async offers(): Promise<Map<string, Map<string, { leadTimeDays: number; active: boolean }>>> {
    if (this.catalogue) return this.catalogue;
    const catalogue = new Map<string, Map<string, { leadTimeDays: number; active: boolean }>>();
    for (const offer of await db.supplierPart.findMany({ select: { partId: true, supplierId: true, leadTimeDays: true, active: true } })) {
      if (!catalogue.has(offer.partId)) catalogue.set(offer.partId, new Map());
      catalogue.get(offer.partId)!.set(offer.supplierId, { leadTimeDays: offer.leadTimeDays, active: offer.active });
    }
    this.catalogue = catalogue;
    return catalogue;
  }

  private actor(supplierId: string): Actor {
    const actor = this.actors.get(supplierId);
    if (!actor) throw new Error(`no simulated user for supplier ${supplierId}`);
    return actor;
  }
}
