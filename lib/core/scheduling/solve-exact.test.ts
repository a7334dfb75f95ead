import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSchedule } from "./build-schedule";
import { checkSchedule } from "./check-schedule";
import { compileInstance } from "./compile-instance";
import { InstanceSchema, type Instance } from "./instance-schema";
import type { Model } from "./model";
import { compareObjectives, type Objective } from "./objective";
import { Solution } from "./solution";
import { solveExact } from "./solve-exact";
import { arbitraryInstance } from "./testing/arbitrary-instance";

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Every assignment of the free jobs to lines, every order on every line, decoded semi-actively. */
function bruteForce(model: Model): Objective | null {
  const jobs = Array.from(model.freeJobs);
  let best: Objective | null = null;
  const lines: number[][] = model.lines.map(() => []);
  const assign = (i: number) => {
    if (i === jobs.length) {
      const orders = lines.map((l) => permutations(l));
      const pick = (l: number, chosen: number[][]) => {
        if (l === lines.length) {
          const solution = new Solution(model);
          chosen.forEach((seq, line) => solution.setSequence(line, seq));
          if (solution.lines.some((line) => !line.feasible)) return;
          const objective = solution.objective();
          if (!best || compareObjectives(objective, best) < 0) best = objective;
          return;
        }
        for (const order of orders[l] as number[][]) pick(l + 1, [...chosen, order]);
      };
      pick(0, []);
      return;
    }
    const j = jobs[i] as number;
    for (let e = model.eligibleStart[j] as number; e < (model.eligibleStart[j + 1] as number); e++) {
      const l = model.eligibleLines[e] as number;
      lines[l]?.push(j);
      assign(i + 1);
      lines[l]?.pop();
    }
  };
  assign(0);
  return best;
}

describe("solveExact", () => {
  it("equals exhaustive enumeration of assignments and orders (no pinned jobs)", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 1, maxJobs: 5, maxLines: 2 }), (instance) => {
        const parsed = InstanceSchema.parse(instance);
        const model = compileInstance(parsed);
        const placed = solveExact(model);
        const expected = bruteForce(model);
        if (!expected) {
          expect(placed).toBeNull();
          return;
        }
        expect(placed).not.toBeNull();
        const { schedule, objective } = buildSchedule(model, placed ?? []);
        expect(checkSchedule(parsed, schedule).violations).toEqual([]);
        expect(objective).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });

  it("is never worse than enumeration with pinned jobs, where it also tries jobs after a pin they would fit before", () => {
    const withPins = arbitraryInstance({ minJobs: 2, maxJobs: 5, maxLines: 2, roomy: true }).chain((instance) =>
      fc.integer({ min: 0, max: 2000 }).map((t): Instance => {
        const [first, ...rest] = instance.jobs;
        if (!first || !instance.lines[0]) return instance;
        const start = new Date(Date.parse(instance.horizon.start) + (360 + t) * 60000).toISOString().replace(".000Z", "Z");
        return { ...instance, jobs: [{ ...first, requires: [], pinned: { lineId: instance.lines[0].id, start } }, ...rest] };
      }),
    );
    fc.assert(
      fc.property(withPins, (instance) => {
        const parsed = InstanceSchema.parse(instance);
        const model = compileInstance(parsed);
        const placed = solveExact(model);
        const expected = bruteForce(model);
        if (!placed) return;
        const { schedule, objective } = buildSchedule(model, placed);
        expect(checkSchedule(parsed, schedule).violations).toEqual([]);
        if (expected) expect(compareObjectives(objective, expected)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 120 },
    );
  });

  it("declines instances beyond its size", () => {
    const instance = fc.sample(arbitraryInstance({ minJobs: 13, maxJobs: 13, maxLines: 1, roomy: true }), { seed: 1, numRuns: 1 })[0] as Instance;
    const everywhere = { ...instance, jobs: instance.jobs.map((job) => ({ ...job, requires: [] })) };
    const model = compileInstance(InstanceSchema.parse(everywhere));
    expect(model.freeJobs.length).toBe(13);
    expect(solveExact(model)).toBeNull();
  });
});
