import { calendarPreview, previewRange } from "@/lib/core/lines/calendar-preview";
import type { LineSettingsView } from "@/lib/core/lines/line-admin-views";
import { sortShifts } from "@/lib/core/lines/weekly-shifts";
import { can, type Actor } from "@/lib/core/policy";
import { clock } from "../clock";
import { db } from "../db";
import { loadLineForChange } from "./load-line-for-change";

/** Jobs that hold a place on a line's plan. */
export const PLANNED_STATUSES = ["scheduled", "queued", "running"] as const;

/**
 * A line's settings page: its settings and version, weekly shifts, the exceptions from today
 * on, and the next two weeks of production windows exactly as the scheduler will read them.
 */
export async function getLineSettings(actor: Actor, lineId: string): Promise<LineSettingsView> {
  const { line } = await loadLineForChange(db, actor, "line.read", lineId);
  const range = previewRange(clock.now().getTime(), line.timeZone);
  const [details, exceptions, plannedJobs] = await Promise.all([
    db.line.findUniqueOrThrow({ where: { id: line.id }, select: { status: true, currentFamily: true, shifts: { select: { weekday: true, startMinute: true, endMinute: true, name: true } } } }),
    db.lineCalendarException.findMany({ where: { lineId: line.id, end: { gt: new Date(range.from) } }, orderBy: [{ start: "asc" }, { id: "asc" }], take: 500, select: { id: true, kind: true, start: true, end: true, note: true } }),
    db.productionJob.count({ where: { lineId: line.id, status: { in: [...PLANNED_STATUSES] } } }),
  ]);
  const shifts = sortShifts(details.shifts);
  const preview = calendarPreview(
    { timeZone: line.timeZone, shifts, exceptions: exceptions.map((exception) => ({ kind: exception.kind, start: exception.start.getTime(), end: exception.end.getTime(), note: exception.note })) },
    range.from,
    range.to,
  );
  const resource = { manufacturerId: line.manufacturerId };
  return {
    line: { id: line.id, code: line.code, name: line.name, capabilities: line.capabilities, speed: line.speed, timeZone: line.timeZone, status: details.status, online: line.online, version: line.version, currentFamily: details.currentFamily },
    shifts,
    exceptions: exceptions.map((exception) => ({ id: exception.id, kind: exception.kind, start: exception.start.toISOString(), end: exception.end.toISOString(), note: exception.note })),
    preview,
    plannedJobs,
    permissions: { manage: can(actor, "line.manage", resource), stops: can(actor, "line-stop.manage", resource) },
  };
}
