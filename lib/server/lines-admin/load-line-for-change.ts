import type { Action, Actor } from "@/lib/core/policy";
import type { Prisma } from "@/generated/prisma/client";
import { authorize } from "../auth/authorize";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { LineStaff } from "./require-line-staff";

/**
 * The line, if the actor may do `action` to it. Another manufacturer's line and a line that
 * does not exist answer alike (404), so ids cannot be probed.
 */
export async function loadLineForChange(tx: Tx, actor: Actor, action: Action, lineId: string) {
  const line = await tx.line.findUnique({
    where: { id: lineId },
    select: { id: true, code: true, name: true, capabilities: true, speed: true, timeZone: true, manufacturerId: true, version: true, online: true },
  });
  authorize(actor, action, { manufacturerId: line?.manufacturerId ?? "(no such line)" }, "LINE_NOT_FOUND");
  if (!line) throw new AppError("LINE_NOT_FOUND", "Not found.", { status: 404 });
  return { line, staff: actor as LineStaff };
}

/**
 * Bumps the line's version if it is still the one the editor read; otherwise a 409 that says
 * what to do. The conditional update also takes the row lock, so two saves never interleave.
 */
export async function claimLineVersion(tx: Tx, line: { id: string; version: number }, expected: number, data: Prisma.LineUpdateManyMutationInput = {}): Promise<number> {
  const updated = await tx.line.updateMany({ where: { id: line.id, version: expected }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) {
    const current = await tx.line.findUnique({ where: { id: line.id }, select: { version: true } });
    throw new AppError("LINE_CHANGED", "Someone changed this line since you opened it. Reload to see their changes, then make yours again.", {
      status: 409,
      details: { expectedVersion: expected, currentVersion: current?.version ?? null },
    });
  }
  return expected + 1;
}
