import type { LineQueue, QueueJob } from "@/lib/core/line-protocol";
import { isa95State } from "@/lib/core/production/job-state";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import { jobPreviewLink } from "./job-preview-link";

const KEY_OPTIONS = 8;

/**
 * A line's queue as the agent gets it: its jobs queued or running, in planned order, under the
 * manufacturer's latest published plan version (0 before any plan was published).
 */
export async function buildLineQueue(lineId: string, client: Tx = db): Promise<LineQueue | null> {
  const line = await client.line.findUnique({ where: { id: lineId }, select: { manufacturerId: true, speed: true } });
  if (!line) return null;
  const [plan, jobs] = await Promise.all([
    client.plan.findFirst({ where: { manufacturerId: line.manufacturerId, status: { in: ["published", "superseded"] }, version: { not: null } }, orderBy: { version: "desc" }, select: { version: true } }),
    client.productionJob.findMany({
      where: { lineId, status: { in: ["queued", "running"] } },
      orderBy: [{ start: { sort: "asc", nulls: "last" } }, { code: "asc" }],
      select: {
        id: true, code: true, status: true, interruptedAt: true, family: true, minutes: true, start: true, end: true, setupMinutes: true, progress: true, goodCount: true, scrapCount: true,
        orderItem: { select: { quantity: true, configuration: true, product: { select: { name: true, productType: true } } } },
      },
      take: 500,
    }),
  ]);
  const now = clock.now();
  return {
    planVersion: plan?.version ?? 0,
    speed: line.speed,
    jobs: jobs.map((job): QueueJob => {
      const state = isa95State({ status: job.status, interrupted: job.interruptedAt !== null });
      return {
        id: job.id,
        code: job.code,
        state: state === "running" || state === "interrupted" ? state : "allowed_to_start",
        product: job.orderItem ? { name: job.orderItem.product.name.slice(0, 120), type: job.orderItem.product.productType.slice(0, 60) } : null,
        keyOptions: keyOptions(job.orderItem?.configuration),
        previewUrl: job.orderItem ? jobPreviewLink(job.id, lineId, now) : null,
        family: job.family.slice(0, 60),
        quantity: Math.max(1, job.orderItem?.quantity ?? 1),
        minutes: job.minutes,
        plannedStart: job.start?.toISOString() ?? null,
        plannedEnd: job.end?.toISOString() ?? null,
        setupMinutes: job.setupMinutes,
        progress: job.progress,
        goodCount: job.goodCount,
        scrapCount: job.scrapCount,
      };
    }),
  };
}

/** The configuration's first choices as text for the operator's screen. */
function keyOptions(configuration: unknown): QueueJob["keyOptions"] {
  if (!configuration || typeof configuration !== "object" || Array.isArray(configuration)) return [];
  return Object.entries(configuration as Record<string, unknown>)
    .slice(0, KEY_OPTIONS)
    .map(([group, value]) => ({ group: group.slice(0, 60), value: (Array.isArray(value) ? value.join(", ") : String(value)).slice(0, 120) }));
}
