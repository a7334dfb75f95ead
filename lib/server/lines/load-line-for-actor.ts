import type { Action, Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db, type Tx } from "../db";
import { AppError } from "../errors";

/**
 * The line, if the actor may do `action` to it. Lines of other manufacturers and lines that do
 * not exist answer alike (404), so ids cannot be probed.
 */
export async function loadLineForActor(actor: Actor, action: Action, lineId: string, client: Tx = db) {
  const line = await client.line.findUnique({ where: { id: lineId }, select: { id: true, code: true, name: true, manufacturerId: true, timeZone: true, speed: true } });
  authorize(actor, action, { manufacturerId: line?.manufacturerId ?? "(no such line)" }, "LINE_NOT_FOUND");
  if (!line) throw new AppError("LINE_NOT_FOUND", "Not found.", { status: 404 });
  return { line, actor };
}
