import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkSchedule } from "@/lib/core/scheduling/check-schedule";
import { InstanceSchema, type Instance } from "@/lib/core/scheduling/instance-schema";
import { PlanSchema } from "@/lib/core/scheduling/plan-schema";
import { ScheduleSchema } from "@/lib/core/scheduling/schedule-schema";
import { arbitraryInstance, at } from "@/lib/core/scheduling/testing/arbitrary-instance";

const project = path.resolve(__dirname, "../../..");
const cli = path.join(project, "scripts/schedule.ts");
const schedbench = path.resolve(process.env.SCHEDBENCH_DIR ?? path.join(project, "../shared/schedbench"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schedule-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

function run(...args: string[]) {
  const out = spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { cwd: project, encoding: "utf8", timeout: 60_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** schedbench's own validator, when the yardstick is next to the project: an extra, independent opinion */
function schedbenchAgrees(instanceFile: string, scheduleText: string): void {
  const validator = path.join(schedbench, "validate.mjs");
  if (!fs.existsSync(validator)) return;
  const out = spawnSync(process.execPath, [validator, instanceFile, write("out.json", scheduleText)], { encoding: "utf8" });
  expect(out.stdout).toContain('"feasible":true');
  expect(out.status).toBe(0);
}

const instance: Instance = InstanceSchema.parse(fc.sample(arbitraryInstance({ minJobs: 40, maxJobs: 40, maxLines: 3, roomy: true }), { seed: 8, numRuns: 1 })[0]);

describe("scripts/schedule.ts", () => {
  it("writes a feasible FORMAT.md schedule within the time limit", () => {
    const file = write("instance.json", instance);
    const started = performance.now();
    const { code, stdout, stderr } = run(file, "--time-limit-ms", "2500", "--seed", "4");
    expect(stderr).toMatch(/solved:/);
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
    const schedule = ScheduleSchema.parse(JSON.parse(stdout));
    const check = checkSchedule(instance, schedule);
    expect(check.violations).toEqual([]);
    expect(schedule.metrics?.weightedTardiness).toBe(check.weightedTardiness);
    schedbenchAgrees(file, stdout);
  });

  it("exits non-zero naming the bad field, and writes nothing", () => {
    const broken = { ...instance, jobs: instance.jobs.map((job, i) => (i === 2 ? { ...job, due: "tomorrow" } : job)) };
    const { code, stdout, stderr } = run(write("broken.json", broken), "--time-limit-ms", "500");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/jobs\[2\]\.due: must be a whole-minute UTC ISO time/);
    const notJson = run(write("not-json.json", "{"), "--time-limit-ms", "500");
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/not valid JSON/);
    const usage = run("--time-limit-ms", "500");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage:/);
  });

  it("repairs a plan after an event and reports the moved jobs", () => {
    const solved = run(write("instance.json", instance), "--time-limit-ms", "1500");
    const schedule = ScheduleSchema.parse(JSON.parse(solved.stdout));
    const first = schedule.assignments[0];
    expect(first).toBeDefined();
    const plan = write("plan.json", { version: 1, instance, schedule });
    const event = write("event.json", {
      version: 1,
      at: at(0),
      disruptions: [
        { type: "line-down", lineId: first?.lineId, from: first?.start, to: at(3000) },
        { type: "jobs-added", jobs: [{ id: "RUSH", family: "A", requires: [], minutes: 30, due: at(900), weight: 5 }] },
      ],
    });
    const { code, stdout, stderr } = run("--repair", plan, "--event", event, "--time-limit-ms", "2000", "--max-moves", "10");
    expect(stderr).toMatch(/repaired:/);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { repair: { movedCount: number; moved: unknown[]; displaced: string[]; added: string[] } };
    const repaired = PlanSchema.parse(output);
    expect(checkSchedule(repaired.instance, repaired.schedule).violations).toEqual([]);
    expect(output.repair.added).toEqual(["RUSH"]);
    expect(output.repair.movedCount).toBe(output.repair.moved.length);
    expect(output.repair.movedCount).toBeLessThanOrEqual(output.repair.displaced.length + 10);
    schedbenchAgrees(write("repaired-instance.json", repaired.instance), JSON.stringify(repaired.schedule));
    const badEvent = run("--repair", plan, "--event", write("bad-event.json", { version: 1, at: at(0), disruptions: [{ type: "line-down", lineId: "L1", from: at(100), to: at(50) }] }));
    expect(badEvent.code).toBe(1);
    expect(badEvent.stderr).toMatch(/disruptions\[0\]\.to: must be after from/);
  });
});
