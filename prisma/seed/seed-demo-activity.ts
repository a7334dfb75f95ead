import { evaluate } from "@/lib/core/configurator/evaluate";
import { exampleCatalog } from "@/lib/core/configurator/examples";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { loadActorForUser } from "@/lib/server/auth/load-actor";
import { placeOrder } from "@/lib/server/orders/place-order";
import { DEMO_LINES } from "./demo-lines";

const DAY_MS = 86_400_000;

/**
 * Makes the demo factory busy (idempotent): a few real orders by the demo consumer (so
 * suppliers have requests and the consumer something to track), and a backlog of ready jobs
 * for the planners. `large`: 20 lines and 2,000 jobs at the appliance maker, the size the
 * board must stay smooth at.
 */
export async function seedDemoActivity(size: "small" | "large") {
  const consumer = await db.user.findUniqueOrThrow({ where: { email: "consumer@tailorline.test" } });
  const actor = await loadActorForUser(consumer.id, consumer.sessionVersion);
  const address = { name: "Clara Consumer", line1: "Drottninggatan 12", line2: "", postalCode: "111 51", city: "Stockholm", country: "SE" };
  for (const [index, entry] of exampleCatalog.entries()) {
    // The same key every run: placing the order again returns it and creates nothing.
    const configuration = evaluate(entry.product, {}).configuration;
    await placeOrder(actor, {
      idempotencyKey: `demo-order-${entry.product.slug}`,
      items: [{ productId: entry.product.id, configuration, quantity: 1 + (index % 2) }],
      shippingAddress: address,
      contact: { email: consumer.email },
    });
  }

  const nordkyl = await db.organization.findUniqueOrThrow({ where: { slug: "nordkyl" } });
  const sartoria = await db.organization.findUniqueOrThrow({ where: { slug: "sartoria" } });
  if (size === "large") await addLargeFactoryLines(nordkyl.id);
  await ensureBacklog(nordkyl.id, "NK", size === "large" ? 2_000 : 40, [
    { family: "fridge-steel", requires: ["sheet-metal", "foaming", "refrigeration-assembly"], minutes: 95 },
    { family: "fridge-painted", requires: ["sheet-metal", "foaming", "refrigeration-assembly"], minutes: 110 },
    { family: "fridge-glass", requires: ["sheet-metal", "foaming", "refrigeration-assembly", "glass-handling"], minutes: 120 },
    { family: "washer-9kg", requires: ["sheet-metal", "drum-assembly", "electrical-test"], minutes: 70 },
    { family: "washer-7kg", requires: ["sheet-metal", "drum-assembly", "electrical-test"], minutes: 65 },
  ]);
  await ensureBacklog(sartoria.id, "SA", 30, [
    { family: "shirt-cotton", requires: ["cutting", "sewing"], minutes: 55 },
    { family: "shirt-linen", requires: ["cutting", "sewing"], minutes: 60 },
    { family: "trousers-wool", requires: ["cutting", "sewing", "pressing"], minutes: 70 },
  ]);
  return {
    orders: await db.order.count({ where: { consumerId: consumer.id } }),
    "backlog jobs": await db.productionJob.count({ where: { code: { startsWith: "BL-" } } }),
    lines: await db.line.count(),
  };
}

async function ensureBacklog(manufacturerId: string, prefix: string, count: number, kinds: Array<{ family: string; requires: string[]; minutes: number }>) {
  const existing = await db.productionJob.count({ where: { manufacturerId, code: { startsWith: `BL-${prefix}-` } } });
  if (existing >= count) return;
  const now = clock.now().getTime();
  await db.productionJob.createMany({
    data: Array.from({ length: count - existing }, (_, offset) => {
      const index = existing + offset;
      const kind = kinds[index % kinds.length]!;
      return {
        manufacturerId,
        code: `BL-${prefix}-${String(index + 1).padStart(4, "0")}`,
        family: kind.family,
        requires: kind.requires,
        minutes: kind.minutes + (index % 5) * 5,
        release: new Date(now + (index % 7 === 0 ? DAY_MS : 0)),
        due: new Date(now + (2 + (index % 12)) * DAY_MS),
        weight: index % 9 === 0 ? 3 : 1,
        status: "ready" as const,
      };
    }),
  });
}

/** Twelve more appliance lines (copies of the demo's kinds), for the 20-line board. */
async function addLargeFactoryLines(manufacturerId: string) {
  const templates = DEMO_LINES.filter((line) => line.manufacturer === "nordkyl");
  for (let index = 0; index < 15; index++) {
    const template = templates[index % templates.length]!;
    const code = `NK-L${String(index + 1).padStart(2, "0")}`;
    const existing = await db.line.findUnique({ where: { manufacturerId_code: { manufacturerId, code } } });
    if (existing) continue;
    await db.line.create({
      data: {
        manufacturerId, code, name: `${template.name} (hall 2)`, capabilities: template.capabilities, speed: template.speed, timeZone: template.timeZone,
        currentFamily: template.initialFamily,
        shifts: { create: template.shifts },
        exceptions: { create: template.exceptions.map((exception) => ({ kind: exception.kind, start: new Date(exception.start), end: new Date(exception.end), note: exception.note })) },
      },
    });
  }
}
