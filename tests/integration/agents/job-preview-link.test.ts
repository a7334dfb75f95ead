import { afterEach, describe, expect, it } from "vitest";
import { GET as preview } from "@/app/api/jobs/[jobId]/preview.svg/route";
import { fixedClock } from "@/lib/core/clock/clock";
import { refrigerator } from "@/lib/core/configurator/examples";
import { setServerClock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { buildLineQueue } from "@/lib/server/lines/build-line-queue";
import { defaultConfiguration } from "../../support/order-fixtures";
import { createFactory, createJob, createOrderWithJobs, queueJobs, type Factory } from "./agent-fixtures";

const SERVER = "http://localhost:3000";
const params = (jobId: string) => ({ params: Promise.resolve({ jobId }) });

afterEach(() => setServerClock(undefined));

/** A queued job of a real fridge order on the factory's first line, and the link its agent's queue carries. */
async function queuedFridge(factory: Factory) {
  const { jobs } = await createOrderWithJobs(factory, 1);
  const job = jobs[0]!;
  const item = await db.orderItem.findFirstOrThrow({ where: { jobs: { some: { id: job.id } } }, select: { id: true, productVersionId: true } });
  await db.productVersion.update({ where: { id: item.productVersionId }, data: { definition: structuredClone(refrigerator) as object } });
  await db.orderItem.update({ where: { id: item.id }, data: { configuration: defaultConfiguration(refrigerator) } });
  const line = factory.lines[0]!;
  await queueJobs(factory, line.id, [job.id]);
  const queued = (await buildLineQueue(line.id))!.jobs.find((entry) => entry.id === job.id)!;
  return { job, line, link: queued.previewUrl! };
}

const open = (link: string, headers: Record<string, string> = {}) => {
  const url = new URL(link, SERVER);
  return preview(new Request(url, { headers }), params(decodeURIComponent(url.pathname.split("/")[3]!)));
};

describe("the preview link of a line's queue", () => {
  it("opens the job's picture without an account, and tells no referrer", async () => {
    const factory = await createFactory();
    const { link } = await queuedFridge(factory);
    expect(link).toMatch(/^\/api\/jobs\/[^/]+\/preview\.svg\?line=[^&]+&expires=\d+&signature=[A-Za-z0-9_-]{43}$/);
    const answer = await open(link);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await answer.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it("opens nothing else: not another job (of this factory or another), not once altered, not after expiry, not once the job left the line", async () => {
    const factory = await createFactory(2);
    const { job, link } = await queuedFridge(factory);
    const url = new URL(link, SERVER);

    const otherFactory = await createFactory();
    const { job: theirs } = await queuedFridge(otherFactory);
    const ours = await createJob(factory);
    for (const other of [theirs.id, ours.id]) {
      const answer = await open(link.replace(job.id, other));
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({ error: { code: "PREVIEW_LINK_INVALID" } });
    }
    const tampered = new URL(url);
    tampered.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 86_400));
    expect((await open(tampered.pathname + tampered.search)).status).toBe(403);
    const malformed = new URL(url);
    malformed.searchParams.set("signature", "not-a-signature");
    expect((await open(malformed.pathname + malformed.search)).status).toBe(422);

    setServerClock(fixedClock(new Date(Number(url.searchParams.get("expires")) * 1000 + 1_000)));
    const expired = await open(link);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ error: { code: "PREVIEW_LINK_EXPIRED" } });
    setServerClock(undefined);

    expect((await open(link)).status).toBe(200);
    await queueJobs(factory, factory.lines[0]!.id, []);
    await queueJobs(factory, factory.lines[1]!.id, [job.id]);
    expect((await open(link)).status).toBe(404);
  });

  it("leaves the planners' own way in as it was: a session of the job's factory, nobody else", async () => {
    const factory = await createFactory();
    const { job } = await queuedFridge(factory);
    const path = `/api/jobs/${job.id}/preview.svg`;
    expect((await open(path)).status).toBe(401);
    expect((await open(path, { cookie: factory.planner.cookie })).status).toBe(200);
    const otherFactory = await createFactory();
    expect((await open(path, { cookie: otherFactory.planner.cookie })).status).toBe(404);
  });
});
