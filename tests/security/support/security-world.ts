import { refrigerator } from "@/lib/core/configurator/examples";
import type { Actor } from "@/lib/core/policy";
import { db } from "@/lib/server/db";
import { createLineCredential } from "@/lib/server/lines/create-line-credential";
import { placeOrder } from "@/lib/server/orders/place-order";
import { createProduct } from "@/lib/server/products/create-product";
import { actorOf } from "../../support/actors";
import { createOrganization, createUser, uniqueSuffix } from "../../support/factories";
import { applianceOrder, organizationBySlug } from "../../support/order-fixtures";

/**
 * Who calls: every role of a first manufacturer (A, the demo's Nordkyl) and a second one (B,
 * Sartoria), a supplier serving each, anonymous, the consumer who owns the targets and one who
 * does not. Every target below belongs to A (or to `consumer`, or is addressed to supplier A).
 */
export const ACTOR_KEYS = [
  "anonymous",
  "consumer",
  "otherConsumer",
  "adminA",
  "plannerA",
  "adminB",
  "plannerB",
  "supplierA",
  "supplierAdminA",
  "supplierB",
  "supplierAdminB",
] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

type WorldUser = { id: string; email: string; cookie: string; actor: Actor };

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  const manufacturerA = await organizationBySlug("nordkyl");
  const manufacturerB = await organizationBySlug("sartoria");
  const supplierOrgA = await createOrganization("supplier");
  const supplierOrgB = await createOrganization("supplier");
  await db.supplierRelationship.createMany({
    data: [
      { manufacturerId: manufacturerA.id, supplierId: supplierOrgA.id },
      { manufacturerId: manufacturerB.id, supplierId: supplierOrgB.id },
    ],
  });
  const user = async (role: "consumer" | "admin" | "planner" | "supplier", organizationId: string | null): Promise<WorldUser> => {
    const created = await createUser(role, organizationId);
    return { id: created.id, email: created.email, cookie: created.cookie, actor: await actorOf(created) };
  };
  const users = {
    consumer: await user("consumer", null),
    otherConsumer: await user("consumer", null),
    adminA: await user("admin", manufacturerA.id),
    plannerA: await user("planner", manufacturerA.id),
    adminB: await user("admin", manufacturerB.id),
    plannerB: await user("planner", manufacturerB.id),
    supplierA: await user("supplier", supplierOrgA.id),
    supplierAdminA: await user("admin", supplierOrgA.id),
    supplierB: await user("supplier", supplierOrgB.id),
    supplierAdminB: await user("admin", supplierOrgB.id),
  } satisfies Record<Exclude<ActorKey, "anonymous">, WorldUser>;

  const lineA = await db.line.findFirstOrThrow({ where: { manufacturerId: manufacturerA.id }, orderBy: { code: "asc" } });
  const productA = await createProduct(users.adminA.actor, { name: "Security fridge", slug: `security-fridge-${uniqueSuffix()}`, source: { kind: "example", example: refrigerator.slug } });
  const { order: orderA } = await placeOrder(users.consumer.actor, applianceOrder());
  const credentialA = await createLineCredential(users.adminA.actor, lineA.id, { label: "security matrix" }, null);
  const jobA = await db.productionJob.findFirstOrThrow({ where: { orderItem: { orderId: orderA.id } } });
  const partA = await db.part.findFirstOrThrow({ where: { manufacturerId: manufacturerA.id }, orderBy: { partNumber: "asc" } });
  const partB = await db.part.findFirstOrThrow({ where: { manufacturerId: manufacturerB.id }, orderBy: { partNumber: "asc" } });

  const world = {
    manufacturerA,
    manufacturerB,
    supplierOrgA,
    supplierOrgB,
    users,
    lineA,
    productA,
    orderA,
    credentialA: credentialA.credential,
    /** Line A's agent token (shown once at issue; kept here for the socket matrix). */
    tokenA: credentialA.token,
    jobA,
    partA,
    partB,
    /** Strings only A's staff may ever see: a response to anyone outside A containing one leaks. */
    privateMarkersOfA: [] as string[],
  };
  world.privateMarkersOfA.push(users.adminA.email, users.plannerA.email, credentialA.credential.id, productA.id, lineA.id);
  return world;
}

export function cookieOf(world: World, actor: ActorKey): string | undefined {
  return actor === "anonymous" ? undefined : world.users[actor].cookie;
}

export function userIdOf(world: World, actor: ActorKey): string | null {
  return actor === "anonymous" ? null : world.users[actor].id;
}
