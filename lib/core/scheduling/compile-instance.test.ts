import { describe, expect, it } from "vitest";
import { compileInstance } from "./compile-instance";
import { InstanceSchema, type Job } from "./instance-schema";
import { setupMinutes } from "./model";
import { at } from "./testing/arbitrary-instance";
import { EXAMPLE_JOBS, exampleInstance } from "./testing/example-instance";

const compile = (jobs: Job[], extraLines = exampleInstance([]).lines.slice(1)) => compileInstance(InstanceSchema.parse(exampleInstance(jobs, extraLines)));

describe("compileInstance", () => {
  it("turns times into minutes from the horizon start and speeds into exact processing times", () => {
    const model = compile(EXAMPLE_JOBS);
    expect(model.horizon).toBe(2880);
    expect(Array.from(model.jobRelease)).toEqual([0, 0, 450, 0]);
    expect(Array.from(model.jobDue)).toEqual([380, 420, 480, 840]);
    expect(Array.from(model.jobWeight)).toEqual([2, 1, 3, 1]);
    expect(Array.from(model.processing)).toEqual([30, 20, 60, 400]);
    expect(Array.from(model.freeJobs)).toEqual([0, 1, 2, 3]);
  });

  it("takes setups from the matrix, else the default, and none within a family or from no family", () => {
    const model = compile([...EXAMPLE_JOBS, { id: "C", family: "C", requires: [], minutes: 5, due: at(100) }]);
    const f = (name: string) => model.familyIndex.get(name) as number;
    expect(setupMinutes(model, f("A"), f("B"))).toBe(10);
    expect(setupMinutes(model, f("B"), f("A"))).toBe(30);
    expect(setupMinutes(model, f("A"), f("C"))).toBe(20);
    expect(setupMinutes(model, f("B"), f("B"))).toBe(0);
    expect(setupMinutes(model, -1, f("C"))).toBe(0);
    expect(model.lines[0]?.initialFamily).toBe(f("A"));
  });

  it("clips windows to the horizon, sorts them and drops windows inside others", () => {
    const instance = exampleInstance(EXAMPLE_JOBS);
    instance.lines[0] = {
      ...(instance.lines[0] as (typeof instance.lines)[number]),
      windows: [
        { start: at(2000), end: at(4000) },
        { start: at(100), end: at(200) },
        { start: at(120), end: at(150) },
        { start: at(-60), end: at(60) },
      ],
    };
    const line = compileInstance(InstanceSchema.parse(instance)).lines[0];
    expect(Array.from(line?.windowStart ?? [])).toEqual([0, 100, 2000]);
    expect(Array.from(line?.windowEnd ?? [])).toEqual([60, 200, 2880]);
  });

  it("gives the reason why a job cannot be scheduled at all", () => {
    const model = compile([
      { id: "OK", family: "A", requires: ["cut"], minutes: 30, due: at(600) },
      { id: "NOCAP", family: "A", requires: ["drill"], minutes: 30, due: at(600) },
      { id: "TOOLONG", family: "A", requires: ["cut"], minutes: 700, due: at(600) },
      { id: "LATE", family: "A", requires: ["cut"], minutes: 300, release: at(2100), due: at(2800) },
    ]);
    expect(Array.from(model.freeJobs)).toEqual([0]);
    expect(model.unschedulable.get(1)).toBe("no line has capability drill");
    // 700 / 1.1 -> 637 minutes: longer than any shift
    expect(model.unschedulable.get(2)).toMatch(/no availability window/);
    // released 2100, 273 minutes: the last shift ends at 2280
    expect(model.unschedulable.get(3)).toMatch(/no availability window/);
  });

  it("keeps pins that fit and refuses the others with their reason", () => {
    const pinned = (id: string, start: number, extra: Partial<Job> = {}): Job => ({
      id, family: "B", requires: ["cut"], minutes: 22, due: at(2000), pinned: { lineId: "L1", start: at(start) }, ...extra,
    });
    const model = compile([
      pinned("P1", 400), // [400, 420], A→B setup 10 from the initial family: fits
      pinned("P2", 410), // overlaps P1
      pinned("P3", 840 - 10), // ends 850, after the shift
      pinned("P4", 1000, { release: at(1100) }), // before its release
      pinned("P5", 1000, { pinned: { lineId: "L9", start: at(1000) } }),
      pinned("P6", 1000, { requires: ["drill"] }),
      pinned("P7", 1000),
    ]);
    expect(Array.from(model.isPinned)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(model.unschedulable.get(1)).toMatch(/overlaps pinned job P1/);
    expect(model.unschedulable.get(2)).toMatch(/not inside one availability window/);
    expect(model.unschedulable.get(3)).toMatch(/before its release/);
    expect(model.unschedulable.get(4)).toMatch(/unknown line L9/);
    expect(model.unschedulable.get(5)).toMatch(/lacks a required capability/);
    const pins = model.lines[0]?.pins;
    expect(Array.from(pins?.start ?? [])).toEqual([400, 1000]);
    expect(Array.from(pins?.windowStart ?? [])).toEqual([360, 960]);
  });
});
