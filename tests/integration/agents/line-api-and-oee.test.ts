import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listCredentials, POST as createCredential } from "@/app/api/lines/[lineId]/credentials/route";
import { POST as revokeCredential } from "@/app/api/lines/[lineId]/credentials/[credentialId]/revoke/route";
import { GET as getLines } from "@/app/api/lines/route";
import { fixedClock } from "@/lib/core/clock/clock";
import { setServerClock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { getLineOee } from "@/lib/server/lines/get-line-oee";
import { connectOutcome } from "../../support/socket-server";
import { createOrganization, createUser } from "../../support/factories";
import { agentAuth, birthOf, createFactory, createJob, issueToken, queueJobs, startAgentServer } from "./agent-fixtures";

const BASE = "http://localhost:3000";
const sameOrigin = { origin: BASE, host: "localhost:3000" };
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

let server: Awaited<ReturnType<typeof startAgentServer>>;
beforeAll(async () => {
  server = await startAgentServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => setServerClock(undefined));

describe("line credentials API", () => {
  it("shows a new token once, lists credentials without it, and hides lines of other factories", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const created = await createCredential(
      new Request(`${BASE}/api/lines/${line.id}/credentials`, { method: "POST", headers: { cookie: factory.admin.cookie, ...sameOrigin }, body: JSON.stringify({ label: "gateway A" }) }),
      params({ lineId: line.id }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const { token, credential } = await created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await listCredentials(new Request(`${BASE}/api/lines/${line.id}/credentials`, { headers: { cookie: factory.admin.cookie } }), params({ lineId: line.id }));
    const body = await listed.text();
    expect(body).not.toContain(token);
    expect(JSON.parse(body).credentials).toMatchObject([{ id: credential.id, label: "gateway A", state: "active", lastUsedAt: null }]);

    const planner = await listCredentials(new Request(`${BASE}/api/lines/${line.id}/credentials`, { headers: { cookie: factory.planner.cookie } }), params({ lineId: line.id }));
    expect(planner.status).toBe(403);
    const stranger = await createUser("admin", (await createOrganization("manufacturer")).id);
    const hidden = await listCredentials(new Request(`${BASE}/api/lines/${line.id}/credentials`, { headers: { cookie: stranger.cookie } }), params({ lineId: line.id }));
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.code).toBe("LINE_NOT_FOUND");

    const revoked = await revokeCredential(
      new Request(`${BASE}/api/lines/${line.id}/credentials/${credential.id}/revoke`, { method: "POST", headers: { cookie: factory.admin.cookie, ...sameOrigin } }),
      params({ lineId: line.id, credentialId: credential.id }),
    );
    expect(revoked.status).toBe(200);
    expect(await connectOutcome(server.rawAgent(agentAuth(line.id, token)))).toMatchObject({ code: "TOKEN_REVOKED" });
  });

  it("gives the board its lines live: online, status and the job on the line", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const job = await createJob(factory);
    await queueJobs(factory, line.id, [job.id]);
    const { token } = await issueToken(factory, line.id);
    const agent = server.rawAgent(agentAuth(line.id, token));
    await connectOutcome(agent);
    await agent.emitWithAck("birth", birthOf());
    const now = new Date().toISOString();
    // A batch: one message, one result per event, in order.
    const reply = await agent.emitWithAck("events", {
      events: [
        { seq: 1, at: now, type: "job_started", jobId: job.id },
        { seq: 2, at: now, type: "status", status: "running" },
        { seq: 3, at: now, type: "job_progress", jobId: job.id, percent: 40, good: 2, scrap: 1 },
        { seq: 4, at: now, type: "job_started", jobId: job.id },
      ],
    });
    expect(reply).toMatchObject({ ok: true, results: [{ ok: true, seq: 1 }, { ok: true, seq: 2 }, { ok: true, seq: 3 }, { ok: false, seq: 4, error: { code: "INVALID_TRANSITION" } }] });
    const response = await getLines(new Request(`${BASE}/api/lines`, { headers: { cookie: factory.planner.cookie } }), undefined as never);
    const { lines } = await response.json();
    expect(lines).toMatchObject([{ id: line.id, online: true, status: "running", lastSeq: 3, queueLength: 0, currentJob: { id: job.id, progress: 40, goodCount: 2, scrapCount: 1 } }]);
    agent.disconnect();
  });
});

describe("OEE per shift from stored events", () => {
  it("computes availability, performance and quality of a shift from the line's events", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    // Tuesday 1 December 2026, early shift 06:00–14:00 in UTC.
    await db.lineShift.create({ data: { lineId: line.id, weekday: 1, startMinute: 360, endMinute: 840, name: "early" } });
    const job = await createJob(factory, { minutes: 240 }); // quantity 1: one unit ideally takes 4 h
    await db.productionJob.update({ where: { id: job.id }, data: { lineId: line.id, status: "done" } });
    const at = (hours: number) => new Date(Date.UTC(2026, 11, 1, 6) + hours * 3_600_000);
    const events = [
      { seq: 1, agentAt: at(-1), type: "status", payload: { status: "idle" } },
      { seq: 2, agentAt: at(0), type: "status", payload: { status: "running" } },
      { seq: 3, agentAt: at(2), type: "status", payload: { status: "down", reason: "jam" } },
      { seq: 4, agentAt: at(3), type: "status", payload: { status: "running" } },
      { seq: 5, agentAt: at(7), type: "job_completed", jobId: job.id, payload: { good: 1, scrap: 0 } },
      { seq: 6, agentAt: at(7), type: "status", payload: { status: "idle" } },
    ];
    await db.lineEvent.createMany({ data: events.map((event) => ({ lineId: line.id, jobId: null, ...event })) });
    setServerClock(fixedClock("2026-12-01T15:00:00Z"));
    const oee = await getLineOee(factory.planner.actor, line.id, 1);
    const shift = oee.shifts.find((candidate) => candidate.label === "Tue 1 Dec early")!;
    // Planned 8 h; running 2 h + 4 h = 6 h, down 1 h; the one unit made ideally takes 4 h.
    expect(shift).toMatchObject({ plannedMs: 8 * 3_600_000, runMs: 6 * 3_600_000, downMs: 3_600_000, good: 1, scrap: 0, availability: 0.75, quality: 1 });
    expect(shift.performance).toBeCloseTo(4 / 6, 10);
    expect(shift.oee).toBeCloseTo(0.75 * (4 / 6), 10);
  });
});
