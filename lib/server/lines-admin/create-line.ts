import type { CreateLine } from "@/lib/core/lines/line-settings-schema";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { linesChanged } from "./line-admin-events";
import { assertLineCodeFree, isUniqueViolation, lineCodeTaken } from "./line-code-taken";
import { requireLineStaff } from "./require-line-staff";

/** A new line of the admin's factory, optionally working the same weekly shifts as another. */
export async function createLine(actor: Actor, input: CreateLine, address: string | null): Promise<{ id: string; code: string; version: number }> {
  const admin = requireLineStaff(actor, "line.manage");
  const manufacturerId = admin.organizationId;
  try {
    const created = await db.$transaction(async (tx) => {
      await assertLineCodeFree(tx, manufacturerId, input.code);
      const template = input.copyShiftsFrom
        ? await tx.line.findFirst({ where: { id: input.copyShiftsFrom, manufacturerId }, select: { code: true, shifts: { select: { weekday: true, startMinute: true, endMinute: true, name: true } } } })
        : null;
      if (input.copyShiftsFrom && !template) {
        throw new AppError("LINE_NOT_FOUND", "The line to copy shifts from was not found.", { status: 404, details: { fields: [{ path: "copyShiftsFrom", message: "No such line." }] } });
      }
      const line = await tx.line.create({
        data: {
          manufacturerId,
          code: input.code,
          name: input.name,
          capabilities: input.capabilities,
          speed: input.speed,
          timeZone: input.timeZone,
          shifts: template ? { create: template.shifts } : undefined,
        },
        select: { id: true, code: true, version: true },
      });
      await recordAudit(tx, {
        actor: admin,
        action: "line.create",
        targetType: "line",
        targetId: line.id,
        address,
        details: { code: input.code, name: input.name, capabilities: input.capabilities, speed: input.speed, timeZone: input.timeZone, shiftsFrom: template?.code ?? null },
      });
      await writeOutboxEvent(tx, linesChanged(manufacturerId, "line-created", admin.userId, line.id));
      return line;
    });
    nudgeOutbox();
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw lineCodeTaken(input.code);
    throw error;
  }
}
