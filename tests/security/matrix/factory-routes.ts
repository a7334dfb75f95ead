import { db } from "@/lib/server/db";
import { A_THING_FOR_ADMIN, A_THING_FOR_PLANNERS, OWN_FACTORY_PLANNERS } from "./expectations";
import type { MatrixEntry } from "./matrix-types";

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** The planner's board, lines, their credentials and commands. */
export const FACTORY_ROUTES: Record<string, MatrixEntry> = {
  "/api/board GET": { expect: OWN_FACTORY_PLANNERS, ok: [200], call: () => ({}) },
  "/api/board/publish POST": {
    expect: OWN_FACTORY_PLANNERS,
    // A has planned jobs and publishes; B has nothing planned: refused after authorization.
    ok: [200, "422 NOTHING_TO_PUBLISH"],
    call: async ({ fresh, actor }) => {
      if (!actor.endsWith("B")) await fresh.plannedJob();
      return {};
    },
    audit: "plan.publish",
  },
  "/api/board/scheduler-runs POST": {
    expect: OWN_FACTORY_PLANNERS,
    ok: [202, "409 PLANNING_BUSY", "422 NOTHING_TO_PLAN"],
    call: () => ({ body: { timeLimitSeconds: 1 } }),
    settle: async ({ world, actor }) => {
      const manufacturerId = actor.endsWith("B") ? world.manufacturerB.id : world.manufacturerA.id;
      const deadline = Date.now() + 60_000;
      while ((await db.factorySettings.findUnique({ where: { manufacturerId }, select: { planningLeaseHolder: true } }))?.planningLeaseHolder) {
        if (Date.now() > deadline) throw new Error("the scheduler run did not end within 60 s");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    notAudited: "starting a solver run changes nothing until its proposal is accepted (audited)",
  },
  "/api/board/scheduler-runs/current DELETE": {
    expect: OWN_FACTORY_PLANNERS,
    ok: [200],
    call: () => ({}),
    notAudited: "stopping a run keeps its best proposal; nothing is decided",
  },
  "/api/board/moves POST": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: async ({ fresh }) => {
      const job = await fresh.plannedJob();
      return { body: { to: "backlog", jobId: job.id, version: job.version } };
    },
    missing: ({ fresh }) => ({ body: { to: "backlog", jobId: fresh.missingId(), version: 1 } }),
    notAudited: "planning work on the board (the plan is audited when accepted and published)",
  },
  "/api/board/locks POST": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: async ({ fresh }) => {
      const job = await fresh.plannedJob();
      return { body: { jobId: job.id, locked: true, version: job.version } };
    },
    missing: ({ fresh }) => ({ body: { jobId: fresh.missingId(), locked: true, version: 1 } }),
    notAudited: "planning work on the board (the plan is audited when accepted and published)",
  },
  "/api/board/proposals/[planId] POST": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: async ({ fresh }) => ({ params: { planId: (await fresh.proposal()).id }, body: { decision: "discard" } }),
    missing: ({ fresh }) => ({ params: { planId: fresh.missingId() }, body: { decision: "discard" } }),
    notAudited: "a discarded proposal changes nothing; accepting one is audited (plan.accept-proposal)",
  },
  "/api/board/lines/[lineId]/down POST": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: async ({ fresh }) => ({ params: { lineId: (await fresh.line()).id }, body: { until: hoursFromNow(2), reason: "matrix outage" } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() }, body: { until: hoursFromNow(2), reason: "matrix outage" } }),
    audit: "line.mark-down",
  },
  "/api/board/lines/[lineId]/up POST": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: async ({ fresh }) => ({ params: { lineId: (await fresh.line()).id } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() } }),
    audit: "line.mark-up",
  },
  "/api/jobs/[jobId]/preview.svg GET": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: ({ world }) => ({ params: { jobId: world.jobA.id } }),
    missing: ({ fresh }) => ({ params: { jobId: fresh.missingId() } }),
  },

  "/api/lines GET": { expect: OWN_FACTORY_PLANNERS, ok: [200], call: () => ({}) },
  "/api/lines/[lineId] GET": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: ({ world }) => ({ params: { lineId: world.lineA.id } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() } }),
  },
  "/api/lines/[lineId]/oee GET": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: ({ world }) => ({ params: { lineId: world.lineA.id }, query: { days: "2" } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() }, query: { days: "2" } }),
  },
  "/api/lines/[lineId]/commands POST": {
    expect: A_THING_FOR_PLANNERS,
    // No agent is connected: the command is recorded, audited and answered "rejected: offline".
    ok: [202],
    call: ({ world }) => ({ params: { lineId: world.lineA.id }, body: { kind: "resync" } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() }, body: { kind: "resync" } }),
    audit: "line.command",
  },
  "/api/lines/[lineId]/credentials GET": {
    expect: A_THING_FOR_ADMIN,
    ok: [200],
    call: ({ world }) => ({ params: { lineId: world.lineA.id } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() } }),
  },
  "/api/lines/[lineId]/credentials POST": {
    expect: A_THING_FOR_ADMIN,
    ok: [201],
    call: ({ world }) => ({ params: { lineId: world.lineA.id }, body: { label: "matrix" } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() }, body: { label: "matrix" } }),
    audit: "line-credential.create",
  },
  "/api/lines/[lineId]/credentials/[credentialId]/rotate POST": {
    expect: A_THING_FOR_ADMIN,
    ok: [201],
    call: async ({ world, fresh }) => ({ params: { lineId: world.lineA.id, credentialId: (await fresh.credential()).id }, body: { graceHours: 1 } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId(), credentialId: fresh.missingId() }, body: { graceHours: 1 } }),
    audit: "line-credential.rotate",
  },
  "/api/lines/[lineId]/credentials/[credentialId]/revoke POST": {
    expect: A_THING_FOR_ADMIN,
    ok: [200],
    call: async ({ world, fresh }) => ({ params: { lineId: world.lineA.id, credentialId: (await fresh.credential()).id } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId(), credentialId: fresh.missingId() } }),
    audit: "line-credential.revoke",
  },
};
