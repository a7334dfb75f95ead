import type { UpdateLineSettings } from "@/lib/core/lines/line-settings-schema";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { pushLineQueue } from "../lines/push-line-queue";
import { logger } from "../logger";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { linesChanged } from "./line-admin-events";
import { assertLineCodeFree, isUniqueViolation, lineCodeTaken } from "./line-code-taken";
import { claimLineVersion, loadLineForChange } from "./load-line-for-change";

const FIELDS = ["code", "name", "capabilities", "speed", "timeZone"] as const;

/**
 * Saves a line's settings if nobody changed the line since the editor read `version` (else 409).
 * A new speed reaches a connected agent at once: its queue carries the speed.
 */
export async function updateLineSettings(actor: Actor, lineId: string, input: UpdateLineSettings, address: string | null) {
  try {
    const result = await db.$transaction(async (tx) => {
      const { line, staff } = await loadLineForChange(tx, actor, "line.manage", lineId);
      const changed = FIELDS.filter((field) => JSON.stringify(line[field]) !== JSON.stringify(input[field]));
      if (input.code !== line.code) await assertLineCodeFree(tx, line.manufacturerId, input.code, line.id);
      const version = await claimLineVersion(tx, line, input.version, { code: input.code, name: input.name, capabilities: input.capabilities, speed: input.speed, timeZone: input.timeZone });
      await recordAudit(tx, {
        actor: staff,
        action: "line.update",
        targetType: "line",
        targetId: line.id,
        address,
        details: { code: input.code, changed: Object.fromEntries(changed.map((field) => [field, { from: line[field], to: input[field] }])) },
      });
      await writeOutboxEvent(tx, linesChanged(line.manufacturerId, "line-settings", staff.userId, line.id));
      return { id: line.id, version, speedChanged: changed.includes("speed") };
    });
    nudgeOutbox();
    if (result.speedChanged) {
      pushLineQueue(result.id).catch((error) => logger.warn({ err: error, lineId: result.id }, "could not push the new speed to the line's agent"));
    }
    return { id: result.id, version: result.version };
  } catch (error) {
    if (isUniqueViolation(error)) throw lineCodeTaken(input.code);
    throw error;
  }
}
