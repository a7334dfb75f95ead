import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createFactory, createOrderWithJobs, issueToken, queueJobs, startAgentServer, waitFor } from "./agent-fixtures";

const workDir = mkdtempSync(path.join(tmpdir(), "tailorline-agent-"));
const children: ChildProcess[] = [];
let output = "";

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(workDir, { recursive: true, force: true });
});

/** The real agent CLI, as a factory would run it, in accelerated time. */
function startAgent(url: string, lineId: string, tokenFile: string, stateDir: string): ChildProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/line-agent.ts", "--url", url, "--line", lineId, "--token-file", tokenFile, "--state-dir", stateDir,
      "--time-scale", "1800", "--tick-ms", "20", "--progress-every-seconds", "20", "--scrap-rate", "0.2"],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "development" } },
  );
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  children.push(child);
  return child;
}

const doneJobs = (ids: string[]) => db.productionJob.count({ where: { id: { in: ids }, status: "done" } });

describe("store and forward with a real agent process", () => {
  it("stores every event exactly once and in order through a server restart and an agent crash", { timeout: 90_000 }, async () => {
    let server = await startAgentServer();
    const port = server.port;
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { order, jobs } = await createOrderWithJobs(factory, 6, 30);
    const jobIds = jobs.map((job) => job.id);
    await queueJobs(factory, line.id, jobIds);
    const { token } = await issueToken(factory, line.id);
    const tokenFile = path.join(workDir, "token");
    writeFileSync(tokenFile, token, { mode: 0o600 });
    const stateDir = path.join(workDir, "state");

    let agent = startAgent(server.url, line.id, tokenFile, stateDir);
    await waitFor(async () => (await db.line.findUniqueOrThrow({ where: { id: line.id } })).lastSeq > 10, 20_000, "first events");

    // The server goes away while the line keeps producing; the agent keeps its events on disk.
    await server.close();
    const seqAtCut = (await db.line.findUniqueOrThrow({ where: { id: line.id } })).lastSeq;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    server = await startAgentServer(port);
    await waitFor(async () => (await db.line.findUniqueOrThrow({ where: { id: line.id } })).lastSeq > seqAtCut + 20, 20_000, `resent events after the restart\n${output}`);

    // The agent crashes (no chance to flush anything) and is started again on the same state.
    await waitFor(async () => (await doneJobs(jobIds)) >= 2, 30_000, "two jobs done");
    agent.kill("SIGKILL");
    await new Promise((resolve) => agent.once("exit", resolve));
    agent = startAgent(server.url, line.id, tokenFile, stateDir);

    await waitFor(async () => (await doneJobs(jobIds)) === jobIds.length, 60_000, `all jobs done\n${output}`);
    await waitFor(async () => readFileSync(path.join(stateDir, "events.jsonl"), "utf8").trim() === "", 10_000, "agent log drained");

    const events = await db.lineEvent.findMany({ where: { lineId: line.id }, orderBy: { seq: "asc" }, select: { seq: true, type: true, jobId: true, agentAt: true, payload: true } });
    // Exactly once, in order: seq 1..N without a gap or a repeat, times never going back.
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i]!.agentAt.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.agentAt.getTime());
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).lastSeq).toBe(events.length);
    // Each job's story is whole: started, progressed with counts that never fall, completed once.
    for (const jobId of jobIds) {
      const story = events.filter((event) => event.jobId === jobId);
      expect(story[0]!.type).toBe("job_started");
      expect(story.filter((event) => event.type === "job_completed")).toHaveLength(1);
      expect(story.at(-1)!.type).toBe("job_completed");
      let good = 0;
      for (const event of story.filter((e) => e.type === "job_progress")) {
        const counts = event.payload as { good: number };
        expect(counts.good).toBeGreaterThanOrEqual(good);
        good = counts.good;
      }
    }
    expect(output).not.toMatch(/refused/);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("completed");
    expect(output).toMatch(/online \(restart, session 2/);
    agent.kill("SIGTERM");
    await server.close();
  });
});
