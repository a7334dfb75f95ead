import type { SetupTable } from "../planning/planning-model";
import type { CalendarPreview } from "./calendar-preview";
import type { CalendarExceptionKind } from "./calendar-exceptions";
import type { WeeklyShift } from "./weekly-shifts";

/**
 * What the line administration API answers, in plain JSON (instants as epoch ms, exception
 * bounds as ISO strings as they are sent). The server builds these; the pages read them.
 */
export type LineStatusName = "running" | "idle" | "down" | "maintenance";

export type LineAdminPermissions = {
  /** Settings, weekly shifts, extra shifts, deleting the line (admins). */
  manage: boolean;
  /** Holidays and maintenance windows (planners and admins). */
  stops: boolean;
};

export type LineSummary = {
  id: string;
  code: string;
  name: string;
  capabilities: string[];
  speed: number;
  timeZone: string;
  status: LineStatusName;
  online: boolean;
  version: number;
  shiftCount: number;
  /** The next few shift instances from now, with the planned stops inside them. */
  nextShifts: Array<{ label: string; start: number; end: number; stoppedMinutes: number }>;
};

/** `factoryTimeZone`: the manufacturer's zone, the default for a new line. */
export type LineList = { lines: LineSummary[]; permissions: LineAdminPermissions; factoryTimeZone: string };

export type LineCalendarExceptionView = { id: string; kind: CalendarExceptionKind; start: string; end: string; note: string };

export type LineSettingsView = {
  line: Omit<LineSummary, "nextShifts" | "shiftCount"> & { currentFamily: string | null };
  shifts: WeeklyShift[];
  /** Exceptions that end after the start of the preview, oldest first. */
  exceptions: LineCalendarExceptionView[];
  preview: CalendarPreview;
  /** Jobs planned on the line now (scheduled, queued, running): it cannot be deleted while any are. */
  plannedJobs: number;
  permissions: LineAdminPermissions;
};

export type SetupFamilyUse = { family: string; products: number; jobs: number };

export type SetupMatrixView = {
  table: SetupTable;
  /** Rows and columns of the grid: the families listed in the matrix and those products and jobs use. */
  families: SetupFamilyUse[];
  canManage: boolean;
};
