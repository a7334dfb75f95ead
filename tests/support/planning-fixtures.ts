import { db } from "@/lib/server/db";
import { clock } from "@/lib/server/clock";
import { organizationBySlug } from "./order-fixtures";
import { uniqueSuffix } from "./factories";

const FAMILIES = ["fridge-steel", "fridge-painted", "fridge-glass"];

/** Ready fridge jobs at Nordkyl (parts confirmed), due over the coming days. */
export async function createReadyJobs(count: number, overrides: { requires?: string[] } = {}) {
  const nordkyl = await organizationBySlug("nordkyl");
  const now = clock.now().getTime();
  const suffix = uniqueSuffix();
  await db.productionJob.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      manufacturerId: nordkyl.id,
      code: `T-${suffix}-${index + 1}`,
      family: FAMILIES[index % FAMILIES.length]!,
      requires: overrides.requires ?? ["sheet-metal", "foaming", "refrigeration-assembly"],
      minutes: 60 + (index % 4) * 15,
      release: new Date(now),
      due: new Date(now + (2 + (index % 5)) * 86_400_000),
      weight: 1 + (index % 3),
      status: "ready" as const,
    })),
  });
  return db.productionJob.findMany({ where: { code: { startsWith: `T-${suffix}-` } }, orderBy: { code: "asc" } });
}

/** Waits (polling the database) until the manufacturer has an open proposal. */
export async function waitForProposal(manufacturerId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const proposal = await db.plan.findFirst({ where: { manufacturerId, status: "proposal" }, orderBy: { createdAt: "desc" }, include: { assignments: true } });
    const lease = await db.factorySettings.findUnique({ where: { manufacturerId }, select: { planningLeaseHolder: true } });
    if (proposal && !lease?.planningLeaseHolder) return proposal;
    if (Date.now() > deadline) throw new Error("no proposal in time");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
