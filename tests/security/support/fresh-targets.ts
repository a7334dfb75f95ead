import { randomUUID } from "node:crypto";
import { refrigerator } from "@/lib/core/configurator/examples";
import { addToCart } from "@/lib/server/cart/add-to-cart";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { createLineCredential } from "@/lib/server/lines/create-line-credential";
import { placeOrder } from "@/lib/server/orders/place-order";
import { createProduct } from "@/lib/server/products/create-product";
import { createUser, uniqueSuffix } from "../../support/factories";
import { applianceOrder, defaultConfiguration } from "../../support/order-fixtures";
import type { World } from "./security-world";

/**
 * Targets made fresh for one call, so that an allowed mutation (cancel, revoke, publish …) meets
 * the state it needs whoever went before it. Each belongs to manufacturer A, its consumer, or
 * supplier A — like the world's long-lived targets.
 */
export function freshTargets(world: World) {
  const A = world.manufacturerA.id;
  return {
    async product() {
      return createProduct(world.users.adminA.actor, { name: "Matrix fridge", slug: `matrix-${uniqueSuffix()}`, source: { kind: "example", example: refrigerator.slug } });
    },
    async productDraft() {
      const created = await this.product();
      const stored = await db.product.findUniqueOrThrow({ where: { id: created.id }, select: { draftDefinition: true, revision: true } });
      return { id: created.id, revision: stored.revision, definition: stored.draftDefinition as Record<string, unknown> };
    },
    async order() {
      return (await placeOrder(world.users.consumer.actor, applianceOrder())).order;
    },
    /** A parts request of A's order, addressed to supplier A. */
    async partsRequest() {
      const order = await this.order();
      const request = await db.partsRequest.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { id: "asc" } });
      return db.partsRequest.update({ where: { id: request.id }, data: { supplierId: world.supplierOrgA.id } });
    },
    async cartItem() {
      return addToCart(world.users.consumer.actor, { productId: refrigerator.id, configuration: defaultConfiguration(refrigerator), quantity: 1 });
    },
    async credential(lineId = world.lineA.id) {
      return (await createLineCredential(world.users.adminA.actor, lineId, { label: `matrix ${uniqueSuffix()}` }, null)).credential;
    },
    async line() {
      return db.line.create({ data: { manufacturerId: A, code: `SEC-${uniqueSuffix()}`, name: "Matrix line", capabilities: ["sheet-metal", "foaming", "refrigeration-assembly"], timeZone: "Europe/Stockholm" } });
    },
    /** A job of A planned on a line (scheduled, unlocked): lockable, and movable to the backlog. */
    async plannedJob() {
      const line = await this.line();
      const now = clock.now().getTime();
      return db.productionJob.create({
        data: {
          manufacturerId: A, code: `SEC-${uniqueSuffix()}`, family: "fridge-steel", requires: ["sheet-metal"], minutes: 60,
          release: new Date(now), due: new Date(now + 5 * 86_400_000), weight: 1, status: "scheduled",
          lineId: line.id, start: new Date(now + 86_400_000), end: new Date(now + 86_400_000 + 3_600_000), setupMinutes: 0,
        },
      });
    },
    /** A job of A that belongs to an order item (so it has a preview). */
    async jobWithItem() {
      const order = await this.order();
      return db.productionJob.findFirstOrThrow({ where: { orderItem: { orderId: order.id } } });
    },
    async proposal() {
      return db.plan.create({ data: { manufacturerId: A, status: "proposal", source: "manual", createdById: world.users.plannerA.id, details: { baseVersions: {} } } });
    },
    async planner() {
      return createUser("planner", A);
    },
    /** A supplier organization nobody links yet (the admin links or unlinks it). */
    async supplierOrganization() {
      return db.organization.create({ data: { kind: "supplier", name: `Matrix supplier ${uniqueSuffix()}`, slug: `matrix-supplier-${uniqueSuffix()}` } });
    },
    /** An id nothing has: what a missing target looks like. */
    missingId() {
      return randomUUID();
    },
  };
}

export type FreshTargets = ReturnType<typeof freshTargets>;
