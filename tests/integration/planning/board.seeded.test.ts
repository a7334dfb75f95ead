import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { decideProposal } from "@/lib/server/planning/decide-proposal";
import { getBoard } from "@/lib/server/planning/get-board";
import { markLineDown } from "@/lib/server/planning/mark-line-down";
import { moveJob } from "@/lib/server/planning/move-job";
import { publishPlan } from "@/lib/server/planning/publish-plan";
import { runScheduler } from "@/lib/server/planning/run-scheduler";
import { setJobLock } from "@/lib/server/planning/set-job-lock";
import { actorOf } from "../../support/actors";
import { createUser } from "../../support/factories";
import { organizationBySlug } from "../../support/order-fixtures";
import { createReadyJobs, waitForProposal } from "../../support/planning-fixtures";

async function nordkylPlanner() {
  return actorOf(await createUser("planner", (await organizationBySlug("nordkyl")).id));
}

/** A free slot for a job on a line: a shift ten days out, past anything the scheduler plans in these tests. */
async function firstWindowStart(lineCode: string) {
  const board = await getBoard(await nordkylPlanner());
  const line = board.lines.find((candidate) => candidate.code === lineCode)!;
  const window = line.windows.find((candidate) => candidate.end - candidate.start >= 4 * 3_600_000 && candidate.start > board.now + 10 * 86_400_000)!;
  return { line, start: window.start };
}

describe("the planner's board", () => {
  it("runs the scheduler into a proposal, accepts it, and publishes a plan version with queues", async () => {
    const planner = await nordkylPlanner();
    const nordkyl = await organizationBySlug("nordkyl");
    const jobs = await createReadyJobs(12);
    const { runId } = await runScheduler(planner, { timeLimitSeconds: 1 });
    expect(runId).toMatch(/[0-9a-f-]{36}/);
    const proposal = await waitForProposal(nordkyl.id);
    expect(proposal.assignments.length).toBeGreaterThanOrEqual(jobs.length);

    const accepted = await decideProposal(planner, { planId: proposal.id, decision: "accept" }, null);
    expect(accepted.status).toBe("accepted");
    const planned = await db.productionJob.findMany({ where: { id: { in: jobs.map((job) => job.id) } } });
    for (const job of planned) {
      expect(job.status).toBe("scheduled");
      const line = await db.line.findUniqueOrThrow({ where: { id: job.lineId! } });
      expect(job.requires.every((capability) => line.capabilities.includes(capability))).toBe(true);
    }

    const published = await publishPlan(planner, null);
    expect(published.version).toBeGreaterThanOrEqual(1);
    const plan = await db.plan.findUniqueOrThrow({ where: { id: published.planId }, include: { assignments: true } });
    expect(plan.status).toBe("published");
    expect(plan.assignments.map((a) => a.jobId)).toEqual(expect.arrayContaining(jobs.map((job) => job.id)));
    const queued = await db.productionJob.findMany({ where: { id: { in: jobs.map((job) => job.id) } } });
    expect(queued.every((job) => job.status === "queued")).toBe(true);
    expect(published.deliveries.length).toBe(await db.line.count({ where: { manufacturerId: nordkyl.id } }));
  });

  it("allows one scheduler run at a time per manufacturer", async () => {
    const planner = await nordkylPlanner();
    const nordkyl = await organizationBySlug("nordkyl");
    await createReadyJobs(5);
    await runScheduler(planner, { timeLimitSeconds: 2 });
    await expect(runScheduler(await nordkylPlanner(), { timeLimitSeconds: 1 })).rejects.toMatchObject({ status: 409, code: "PLANNING_BUSY" });
    await expect(publishPlan(planner, null)).rejects.toMatchObject({ status: 409, code: "PLANNING_BUSY" });
    await waitForProposal(nordkyl.id);
  });

  it("refuses a move onto a line without the capability, with the reason; accepts a valid one", async () => {
    const planner = await nordkylPlanner();
    const [job] = await createReadyJobs(1);
    const washer = await firstWindowStart("NK-W1");
    await expect(moveJob(planner, { to: "line", jobId: job!.id, lineId: washer.line.id, start: new Date(washer.start).toISOString(), version: job!.version })).rejects.toMatchObject({
      status: 422,
      code: "MOVE_REFUSED",
      message: expect.stringContaining("NK-W1 cannot do foaming, refrigeration-assembly"),
      details: { code: "MISSING_CAPABILITY" },
    });
    const fridge = await firstWindowStart("NK-X1");
    const moved = await moveJob(planner, { to: "line", jobId: job!.id, lineId: fridge.line.id, start: new Date(fridge.start + 3_600_000).toISOString(), version: job!.version });
    expect(moved.job).toMatchObject({ lineId: fridge.line.id, status: "scheduled", version: job!.version + 1 });
  });

  it("gives the second of two planners editing the same job a clear conflict", async () => {
    const [alice, bob] = [await nordkylPlanner(), await nordkylPlanner()];
    const [job] = await createReadyJobs(1);
    const slot = await firstWindowStart("NK-F2");
    await moveJob(alice, { to: "line", jobId: job!.id, lineId: slot.line.id, start: new Date(slot.start + 2 * 3_600_000).toISOString(), version: job!.version });
    await expect(moveJob(bob, { to: "backlog", jobId: job!.id, version: job!.version })).rejects.toMatchObject({ status: 409, code: "JOB_CHANGED" });
    await expect(setJobLock(bob, { jobId: job!.id, locked: true, version: job!.version })).rejects.toMatchObject({ status: 409 });
  });

  it("keeps locked jobs where they are when the scheduler runs", async () => {
    const planner = await nordkylPlanner();
    const nordkyl = await organizationBySlug("nordkyl");
    const [job] = await createReadyJobs(1);
    const slot = await firstWindowStart("NK-F1");
    const start = slot.start + 3_600_000;
    const moved = await moveJob(planner, { to: "line", jobId: job!.id, lineId: slot.line.id, start: new Date(start).toISOString(), version: job!.version });
    await setJobLock(planner, { jobId: job!.id, locked: true, version: moved.job.version });
    await createReadyJobs(6);
    await runScheduler(planner, { timeLimitSeconds: 1 });
    const proposal = await waitForProposal(nordkyl.id);
    const assignment = proposal.assignments.find((a) => a.jobId === job!.id)!;
    expect(assignment).toMatchObject({ lineId: slot.line.id });
    expect(assignment.start.getTime()).toBe(start);
  });

  it("repairs a plan when a line goes down: the outage is respected and the moves are few", async () => {
    const planner = await nordkylPlanner();
    const nordkyl = await organizationBySlug("nordkyl");
    await db.plan.updateMany({ where: { manufacturerId: nordkyl.id, status: "proposal" }, data: { status: "discarded" } });
    await createReadyJobs(10);
    await runScheduler(planner, { timeLimitSeconds: 1 });
    await decideProposal(planner, { planId: (await waitForProposal(nordkyl.id)).id, decision: "accept" }, null);
    const busiest = await db.productionJob.groupBy({ by: ["lineId"], where: { manufacturerId: nordkyl.id, status: "scheduled" }, _count: { _all: true }, orderBy: { _count: { lineId: "desc" } }, take: 1 });
    const lineId = busiest[0]!.lineId!;
    const until = new Date(Date.now() + 2 * 86_400_000);
    const outcome = await markLineDown(planner, { lineId, until: until.toISOString(), reason: "compressor test rig broke" }, null);
    expect(outcome.affected.length).toBeGreaterThan(0);
    expect(outcome.repair).not.toBeNull();
    const repair = await waitForProposal(nordkyl.id);
    expect(repair.source).toMatch(/repair|scheduler/);
    for (const assignment of repair.assignments.filter((a) => a.lineId === lineId)) {
      expect(assignment.start.getTime() >= until.getTime() || assignment.end.getTime() <= Date.now()).toBe(true);
    }
    expect((await db.line.findUniqueOrThrow({ where: { id: lineId } })).status).toBe("down");
    // Few moves: jobs not on the broken line stay where they were.
    const before = await db.productionJob.findMany({ where: { manufacturerId: nordkyl.id, status: "scheduled" }, select: { id: true, lineId: true, start: true } });
    const offLine = before.filter((job) => job.lineId !== lineId);
    const movedOffLine = repair.assignments.filter((a) => {
      const job = offLine.find((candidate) => candidate.id === a.jobId);
      return job && (job.lineId !== a.lineId || job.start!.getTime() !== a.start.getTime());
    });
    expect(movedOffLine.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(offLine.length * 0.1)));
  });

  it("keeps the board to its own manufacturer", async () => {
    const textiles = await actorOf(await createUser("planner", (await organizationBySlug("sartoria")).id));
    const [job] = await createReadyJobs(1);
    await expect(moveJob(textiles, { to: "backlog", jobId: job!.id, version: job!.version })).rejects.toMatchObject({ status: 404 });
    const board = await getBoard(textiles);
    expect(board.jobs.map((j) => j.id)).not.toContain(job!.id);
    const consumer = await actorOf(await createUser("consumer", null));
    await expect(getBoard(consumer)).rejects.toMatchObject({ status: 404 });
  });
});
