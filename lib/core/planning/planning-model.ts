/**
 * The planner's view of the factory, in plain data: times are epoch milliseconds (UTC),
 * durations whole minutes. Built by the server from the database; read by the board in the
 * browser, by move validation, by KPIs, and turned into a scheduling instance (FORMAT.md).
 */
export type Interval = { start: number; end: number };

export type PlanningLine = {
  id: string;
  code: string;
  name: string;
  capabilities: string[];
  /** Processing minutes = ceil(job minutes / speed). */
  speed: number;
  /** When the line may produce: shifts minus holidays and maintenance, sorted. */
  windows: Interval[];
  /** The family the line is set up for now. */
  currentFamily: string | null;
  status: "running" | "idle" | "down" | "maintenance";
  online: boolean;
};

export type JobStatus = "waiting_parts" | "ready" | "scheduled" | "queued" | "running" | "done" | "failed" | "cancelled";

export type PlanningJob = {
  id: string;
  code: string;
  family: string;
  requires: string[];
  minutes: number;
  release: number;
  due: number;
  weight: number;
  status: JobStatus;
  lineId: string | null;
  start: number | null;
  end: number | null;
  setupMinutes: number | null;
  locked: boolean;
  progress: number;
  version: number;
};

export type SetupTable = { defaultMinutes: number; matrix: Record<string, Record<string, number>> };

export const MINUTE_MS = 60_000;

/** The statuses a planner may still move: not started, not finished. */
export const MOVABLE_STATUSES: ReadonlySet<JobStatus> = new Set(["ready", "scheduled", "queued"]);

export function processingMinutes(job: { minutes: number }, line: { speed: number }): number {
  // The small epsilon keeps 90 / 1.5 = 60 from becoming 61 through float noise.
  return Math.ceil(job.minutes / line.speed - 1e-9);
}

export function setupMinutesBetween(table: SetupTable, from: string | null, to: string): number {
  if (from === null || from === to) return 0;
  return table.matrix[from]?.[to] ?? table.defaultMinutes;
}
