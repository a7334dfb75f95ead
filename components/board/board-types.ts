import type { PlanKpis } from "@/lib/core/planning/plan-kpis";
import type { Interval, PlanningJob, PlanningLine, SetupTable } from "@/lib/core/planning/planning-model";

/** The board as GET /api/board returns it (times in epoch ms). */
export type BoardLine = PlanningLine & { ackedPlanVersion: number | null; statusReason: string | null };
export type BoardJobDetails = {
  orderId: string | null;
  orderNumber: string | null;
  productName: string | null;
  configuration: Record<string, unknown> | null;
  partsStatus: string | null;
};
export type BoardProposal = {
  id: string;
  source: string;
  createdAt: number;
  by: string | null;
  unscheduledJobs: number;
  notes: string[];
  assignments: Array<{ jobId: string; lineId: string; start: number; end: number; setupMinutes: number }>;
};
export type Board = {
  now: number;
  view: { from: number; to: number };
  manufacturerId: string;
  timeZone: string;
  schedulerTimeLimitSeconds: number;
  lines: BoardLine[];
  jobs: PlanningJob[];
  details: Record<string, BoardJobDetails>;
  setups: SetupTable;
  publishedVersion: number | null;
  kpis: PlanKpis;
  running: { kind: string; id: string; by: string } | null;
  proposal: BoardProposal | null;
};

export type { Interval, PlanningJob };
