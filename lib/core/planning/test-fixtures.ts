import type { PlanningJob, PlanningLine, SetupTable } from "./planning-model";

export const T0 = Date.parse("2026-12-01T06:00:00Z");
export const min = (minutes: number) => T0 + minutes * 60_000;

export function line(overrides: Partial<PlanningLine> = {}): PlanningLine {
  return {
    id: "L1", code: "NK-F1", name: "Fridge line", capabilities: ["foam", "assemble"], speed: 1,
    windows: [{ start: min(0), end: min(480) }, { start: min(480), end: min(960) }],
    currentFamily: "steel", status: "idle", online: true, ...overrides,
  };
}

export function job(overrides: Partial<PlanningJob> = {}): PlanningJob {
  return {
    id: "J1", code: "J-1", family: "steel", requires: ["foam"], minutes: 60, release: T0, due: min(600), weight: 1,
    status: "scheduled", lineId: null, start: null, end: null, setupMinutes: null, locked: false, progress: 0, version: 1, ...overrides,
  };
}

export const setups: SetupTable = { defaultMinutes: 30, matrix: { steel: { glass: 45 }, glass: { steel: 20 } } };
