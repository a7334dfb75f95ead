import type { LineList } from "@/lib/core/lines/line-admin-views";
import { shiftWindows } from "@/lib/core/oee/shift-windows";
import { can, type Actor } from "@/lib/core/policy";
import { clock } from "../clock";
import { db } from "../db";
import { requireLineStaff } from "./require-line-staff";

const DAY_MS = 86_400_000;
const NEXT_SHIFTS = 3;

/** The factory's lines with their settings and next shifts, for admins and planners. */
export async function listLineSettings(actor: Actor): Promise<LineList> {
  const staff = requireLineStaff(actor, "line.read");
  const now = clock.now().getTime();
  // Far enough to find the next shifts after a long holiday or a weekend.
  const horizon = now + 14 * DAY_MS;
  const [lines, factory] = await Promise.all([
    db.line.findMany({
      where: { manufacturerId: staff.organizationId },
      orderBy: { code: "asc" },
      select: {
        id: true, code: true, name: true, capabilities: true, speed: true, timeZone: true, status: true, online: true, version: true,
        shifts: { select: { weekday: true, startMinute: true, endMinute: true, name: true } },
        exceptions: { where: { end: { gt: new Date(now) }, start: { lt: new Date(horizon) } }, select: { kind: true, start: true, end: true, note: true } },
      },
    }),
    db.factorySettings.findUnique({ where: { manufacturerId: staff.organizationId }, select: { timeZone: true } }),
  ]);
  return {
    lines: lines.map(({ shifts, exceptions, ...line }) => {
      const calendar = { timeZone: line.timeZone, shifts, exceptions: exceptions.map((exception) => ({ ...exception, start: exception.start.getTime(), end: exception.end.getTime() })) };
      const nextShifts = shiftWindows(calendar, now, horizon)
        .filter((window) => window.end > now && window.plannedStops.reduce((sum, stop) => sum + stop.end - stop.start, 0) < window.end - window.start)
        .slice(0, NEXT_SHIFTS)
        .map((window) => ({ label: window.label, start: window.start, end: window.end, stoppedMinutes: window.plannedStops.reduce((sum, stop) => sum + (stop.end - stop.start) / 60_000, 0) }));
      return { ...line, shiftCount: shifts.length, nextShifts };
    }),
    factoryTimeZone: factory?.timeZone ?? "UTC",
    permissions: { manage: can(actor, "line.manage", { manufacturerId: staff.organizationId }), stops: can(actor, "line-stop.manage", { manufacturerId: staff.organizationId }) },
  };
}
