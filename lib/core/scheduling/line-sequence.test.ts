import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileInstance } from "./compile-instance";
import type { Job } from "./instance-schema";
import { InstanceSchema } from "./instance-schema";
import { LineSequence } from "./line-sequence";
import { arbitraryInstance, at } from "./testing/arbitrary-instance";
import { EXAMPLE_JOBS, exampleInstance } from "./testing/example-instance";

function lineOf(jobs: Job[], sequence: string[]) {
  const model = compileInstance(InstanceSchema.parse(exampleInstance(jobs)));
  const line = new LineSequence(model, 0);
  line.setJobs(sequence.map((id) => model.jobIndex.get(id) as number));
  return { model, line };
}

describe("LineSequence decoding (hand-computed)", () => {
  it("starts each job as early as setup, release and windows allow", () => {
    const { line } = lineOf(EXAMPLE_JOBS, ["J1", "J2", "J3"]);
    // J1: initial family A, no setup, first shift opens at 360; 30 minutes at speed 1.1
    // J2: A→B setup 10 after 390; J3: B→A setup 30 after 420, released at 450
    expect(Array.from(line.start.subarray(0, 3))).toEqual([360, 400, 450]);
    expect(Array.from(line.setup.subarray(0, 3))).toEqual([0, 10, 30]);
    // J1 ends 390, due 380, weight 2 → 20; J2 on time; J3 ends 510, due 480, weight 3 → 90
    expect(line.tardiness).toBe(110);
    expect(line.setupTotal).toBe(40);
    expect(line.end).toBe(510);
    expect(line.feasible).toBe(true);
  });

  it("puts the setup and the job inside one window, skipping windows too short for them", () => {
    const { line } = lineOf(EXAMPLE_JOBS, ["J1", "J2", "J3", "J4"]);
    // J4: 400 minutes + setup 10 fits neither the rest of shift 1 (ends 840) nor shift 2
    // (960 + 10 + 400 = 1370 > 1320): it starts at 1800 + 10 with its setup at the shift start
    expect(line.start[3]).toBe(1810);
    expect(line.setup[3]).toBe(10);
    expect(line.end).toBe(2210);
    expect(line.tardiness).toBe(110 + (2210 - 840));
    expect(line.setupTotal).toBe(50);
  });

  it("charges no setup between jobs of one family, and the matrix value or the default otherwise", () => {
    const jobs: Job[] = [
      { id: "A1", family: "A", requires: [], minutes: 11, due: at(2000) },
      { id: "A2", family: "A", requires: [], minutes: 11, due: at(2000) },
      { id: "C1", family: "C", requires: [], minutes: 11, due: at(2000) },
      { id: "B1", family: "B", requires: [], minutes: 11, due: at(2000) },
    ];
    const { line } = lineOf(jobs, ["A1", "A2", "C1", "B1"]);
    expect(Array.from(line.setup.subarray(0, 4))).toEqual([0, 0, 20, 20]);
    expect(Array.from(line.start.subarray(0, 4))).toEqual([360, 370, 400, 430]);
  });

  it("marks a job with no room before the horizon end and leaves the others decoded", () => {
    const jobs: Job[] = [...EXAMPLE_JOBS, { id: "J5", family: "B", requires: ["cut"], minutes: 600, due: at(900) }];
    const { line } = lineOf(jobs, ["J1", "J5", "J2"]);
    expect(line.feasible).toBe(false);
    expect(line.start[1]).toBe(-1);
    // J2 follows J1 as if J5 were not there
    expect(line.start[2]).toBe(400);
  });
});

describe("LineSequence with pinned jobs", () => {
  const pin: Job = { id: "P", family: "C", requires: ["cut"], minutes: 55, due: at(800), pinned: { lineId: "L1", start: at(720) } };

  it("fits a job before a pinned one only when the pinned job's setup still fits after it", () => {
    const fits: Job = { id: "F", family: "A", requires: ["cut"], minutes: 209, due: at(2000) }; // 190 minutes
    const { line } = lineOf([...EXAMPLE_JOBS, pin, fits], ["J1", "J2", "J3", "F"]);
    // F: [510, 700], then A→C setup 20 ends exactly at the pin's start 720
    expect(line.start[3]).toBe(510);
    expect(Array.from(line.pinSetup)).toEqual([20]);
    const tooLong: Job = { ...fits, id: "G", minutes: 220 }; // 200 minutes: 710 + 20 > 720
    const second = lineOf([...EXAMPLE_JOBS, pin, tooLong], ["J1", "J2", "J3", "G"]).line;
    // G goes after the pin (ends 770) with a C→A setup of 20: 790 + 200 > 840, so shift 2
    expect(second.start[3]).toBe(980);
    expect(Array.from(second.pinSetup)).toEqual([20]);
  });

  it("counts the pinned job's tardiness and its setup from whatever runs before it", () => {
    const { line } = lineOf([...EXAMPLE_JOBS, pin], ["J1", "J2"]);
    // pinned [720, 770] after J2 (family B): B→C default 20; late 0 (due 800)
    expect(Array.from(line.pinSetup)).toEqual([20]);
    expect(line.setupTotal).toBe(10 + 20);
    expect(line.end).toBe(770);
    const late = lineOf([...EXAMPLE_JOBS, { ...pin, due: at(700), weight: 4 }], []).line;
    // alone on the line: initial family A → C default setup, tardiness 4 * (770 - 700)
    expect(late.tardiness).toBe(280);
    expect(Array.from(late.pinSetup)).toEqual([20]);
  });
});

describe("LineSequence incremental evaluation", () => {
  it("evaluates insertions and removals exactly as a full re-decode does", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 2, maxJobs: 9, maxLines: 1, roomy: true }), fc.integer({ min: 0, max: 1000 }), (instance, salt) => {
        const model = compileInstance(InstanceSchema.parse(instance));
        const jobs = Array.from(model.freeJobs).filter((j) => (model.processing[j * model.lineCount] as number) >= 0);
        if (jobs.length < 2) return;
        const inserted = jobs[salt % jobs.length] as number;
        const rest = jobs.filter((j) => j !== inserted);
        const line = new LineSequence(model, 0);
        line.setupWeight = 0.5;
        line.setJobs(rest);
        for (let k = 0; k <= rest.length; k++) {
          const fits = line.evaluateInsert(k, inserted);
          const reference = new LineSequence(model, 0);
          reference.setJobs([...rest.slice(0, k), inserted, ...rest.slice(k)]);
          const referenceFits = reference.feasible;
          if (!line.feasible) continue; // the base sequence already drops a job: deltas are not comparable
          expect(fits).toBe(referenceFits);
          if (!fits) continue;
          expect(line.deltaTardiness).toBeCloseTo(reference.tardiness - line.tardiness, 9);
          expect(line.deltaSetup).toBe(reference.setupTotal - line.setupTotal);
          expect(line.evaluatedEnd).toBe(reference.end);
          expect(line.deltaCost).toBeCloseTo(line.deltaTardiness + 0.5 * line.deltaSetup, 9);
        }
        for (let k = 0; k < rest.length && line.feasible; k++) {
          expect(line.evaluateRemove(k)).toBe(true);
          const reference = new LineSequence(model, 0);
          reference.setJobs(rest.filter((_, i) => i !== k));
          expect(line.deltaTardiness).toBeCloseTo(reference.tardiness - line.tardiness, 9);
          expect(line.deltaSetup).toBe(reference.setupTotal - line.setupTotal);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("applies insertions and removals incrementally to the same state as decoding from scratch", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 3, maxJobs: 9, maxLines: 1, roomy: true }), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (instance, ops) => {
        const model = compileInstance(InstanceSchema.parse(instance));
        const jobs = Array.from(model.freeJobs).filter((j) => (model.processing[j * model.lineCount] as number) >= 0);
        const line = new LineSequence(model, 0);
        const sequence: number[] = [];
        const outside = [...jobs];
        for (const op of ops) {
          if (outside.length > 0 && (op % 3 !== 0 || sequence.length === 0)) {
            const j = outside.splice(op % outside.length, 1)[0] as number;
            const k = op % (sequence.length + 1);
            sequence.splice(k, 0, j);
            line.insertAt(k, j);
          } else if (sequence.length > 0) {
            const k = op % sequence.length;
            outside.push(sequence.splice(k, 1)[0] as number);
            line.removeAt(k);
          }
          const reference = new LineSequence(model, 0);
          reference.setJobs(sequence);
          expect(Array.from(line.jobs.subarray(0, line.length))).toEqual(sequence);
          expect(Array.from(line.start.subarray(0, line.length))).toEqual(Array.from(reference.start.subarray(0, reference.length)));
          expect(line.tardiness).toBeCloseTo(reference.tardiness, 9);
          expect(line.setupTotal).toBe(reference.setupTotal);
          expect(line.end).toBe(reference.end);
          expect(line.feasible).toBe(reference.feasible);
        }
      }),
      { numRuns: 150 },
    );
  });
});
