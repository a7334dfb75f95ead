import type { Instance, Job } from "../instance-schema";
import { at } from "./arbitrary-instance";

/**
 * Test support: one line with three shifts, speed 1.1 and a setup matrix small enough to
 * check by hand. Shifts (minutes from the horizon start): [360, 840], [960, 1320], [1800, 2280].
 * Setups: default 20, A→B 10, B→A 30.
 */
export function exampleInstance(jobs: Job[], extraLines: Instance["lines"] = []): Instance {
  return {
    version: 1,
    horizon: { start: at(0), end: at(2880) },
    lines: [
      {
        id: "L1",
        capabilities: ["cut"],
        speed: 1.1,
        windows: [
          { start: at(360), end: at(840) },
          { start: at(960), end: at(1320) },
          { start: at(1800), end: at(2280) },
        ],
        initialFamily: "A",
      },
      ...extraLines,
    ],
    setups: { default: 20, matrix: { A: { B: 10 }, B: { A: 30 } } },
    jobs,
  };
}

/** J1..J4 of the hand-computed sequence tests. */
export const EXAMPLE_JOBS: Job[] = [
  // ceil(33 / 1.1) = 30 (naive floating point says 31)
  { id: "J1", family: "A", requires: ["cut"], minutes: 33, due: at(380), weight: 2 },
  { id: "J2", family: "B", requires: ["cut"], minutes: 22, due: at(420) },
  { id: "J3", family: "A", requires: ["cut"], minutes: 66, release: at(450), due: at(480), weight: 3 },
  { id: "J4", family: "B", requires: ["cut"], minutes: 440, due: at(840) },
];
