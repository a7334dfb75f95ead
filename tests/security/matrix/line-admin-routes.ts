import { db } from "@/lib/server/db";
import { addCalendarException } from "@/lib/server/lines-admin/add-calendar-exception";
import { uniqueSuffix } from "../../support/factories";
import { A_THING_FOR_ADMIN, A_THING_FOR_PLANNERS, OWN_FACTORY_ADMIN, OWN_FACTORY_PLANNERS } from "./expectations";
import type { CallContext, MatrixEntry } from "./matrix-types";

/** Whole minutes, as calendars take them. */
const daysFromNow = (days: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * 86_400_000).toISOString();
const settings = (code: string) => ({ code, name: "Matrix line", capabilities: ["sheet-metal", "foaming"], speed: 1, timeZone: "Europe/Stockholm" });
const holiday = () => ({ kind: "holiday", start: daysFromNow(30), end: daysFromNow(31), note: "Matrix holiday" });

/** A fresh line of A with the version an editor would have read. */
async function lineOfA({ fresh }: CallContext) {
  const line = await fresh.line();
  return db.line.findUniqueOrThrow({ where: { id: line.id }, select: { id: true, code: true, version: true } });
}

/**
 * Line settings, calendars and the setup matrix (ADR 0008): planners read them and take time
 * away (holidays, maintenance); admins change what a line is and when people work.
 */
export const LINE_ADMIN_ROUTES: Record<string, MatrixEntry> = {
  "/api/admin/lines GET": { expect: OWN_FACTORY_PLANNERS, ok: [200], call: () => ({}) },
  "/api/admin/lines POST": {
    expect: OWN_FACTORY_ADMIN,
    ok: [201],
    call: () => ({ body: settings(`SEC-N${uniqueSuffix()}`) }),
    audit: "line.create",
  },
  "/api/admin/lines/[lineId] GET": {
    expect: A_THING_FOR_PLANNERS,
    ok: [200],
    call: ({ world }) => ({ params: { lineId: world.lineA.id } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() } }),
  },
  "/api/admin/lines/[lineId] PATCH": {
    expect: A_THING_FOR_ADMIN,
    ok: [200],
    call: async (context) => {
      const line = await lineOfA(context);
      return { params: { lineId: line.id }, body: { ...settings(line.code), name: "Matrix line, renamed", version: line.version } };
    },
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() }, body: { ...settings(`SEC-M${uniqueSuffix()}`), version: 1 } }),
    audit: "line.update",
  },
  "/api/admin/lines/[lineId] DELETE": {
    expect: A_THING_FOR_ADMIN,
    ok: [204],
    call: async (context) => ({ params: { lineId: (await lineOfA(context)).id } }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() } }),
    audit: "line.delete",
  },
  "/api/admin/lines/[lineId]/exceptions POST": {
    expect: A_THING_FOR_PLANNERS,
    ok: [201],
    call: async (context) => ({ params: { lineId: (await lineOfA(context)).id }, body: holiday() }),
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() }, body: holiday() }),
    audit: "line.exception.add",
  },
  "/api/admin/lines/[lineId]/exceptions/[exceptionId] DELETE": {
    expect: A_THING_FOR_PLANNERS,
    ok: [204],
    call: async (context) => {
      const line = await lineOfA(context);
      const exception = await addCalendarException(context.world.users.adminA.actor, line.id, { kind: "holiday", start: daysFromNow(40), end: daysFromNow(41), note: "" }, null);
      return { params: { lineId: line.id, exceptionId: exception.id } };
    },
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId(), exceptionId: fresh.missingId() } }),
    audit: "line.exception.remove",
  },
  "/api/admin/lines/[lineId]/shifts PUT": {
    expect: A_THING_FOR_ADMIN,
    ok: [200],
    call: async (context) => {
      const line = await lineOfA(context);
      return { params: { lineId: line.id }, body: { version: line.version, shifts: [{ weekday: 0, startMinute: 360, endMinute: 840, name: "Day" }] } };
    },
    missing: ({ fresh }) => ({ params: { lineId: fresh.missingId() }, body: { version: 1, shifts: [] } }),
    audit: "line.shifts.replace",
  },
  "/api/admin/setup-matrix GET": { expect: OWN_FACTORY_PLANNERS, ok: [200], call: () => ({}) },
  "/api/admin/setup-matrix PATCH": {
    expect: OWN_FACTORY_ADMIN,
    ok: [200],
    // A cell nobody set (before: null) between families of this call alone: no conflicts between actors.
    call: () => {
      const family = `sec-${uniqueSuffix()}`;
      return { body: { cells: [{ from: `${family}-a`, to: `${family}-b`, before: null, after: 25 }] } };
    },
    audit: "setup-matrix.save",
  },
};
