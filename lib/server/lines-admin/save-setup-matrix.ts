import { applySetupMatrixSave, describeSetupConflict, type SaveSetupMatrix } from "@/lib/core/lines/setup-matrix";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { linesChanged } from "./line-admin-events";
import { readSetupTable } from "./read-setup-table";
import { requireLineStaff } from "./require-line-staff";

// With hashtext(manufacturerId), names the lock that serializes matrix saves of one factory.
const SETUP_MATRIX_LOCK = 7_274_002;
const AUDITED_CELLS = 200;

/**
 * Saves edits to the setup matrix: cells set (upserted), cells cleared (deleted: the default
 * applies again) and the default itself (FactorySettings). Each edit names the value it started
 * from; if any of those changed meanwhile, nothing is saved and the 409 names them.
 */
export async function saveSetupMatrix(actor: Actor, input: SaveSetupMatrix, address: string | null) {
  const admin = requireLineStaff(actor, "line.manage");
  const manufacturerId = admin.organizationId;
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_MATRIX_LOCK}::int, hashtext(${manufacturerId}))`;
    const stored = await readSetupTable(tx, manufacturerId);
    const applied = applySetupMatrixSave(stored, input);
    if (!applied.ok) {
      throw new AppError("SETUP_MATRIX_CHANGED", `Someone changed the matrix since you opened it: ${applied.conflicts.map(describeSetupConflict).join("; ")}. Reload and make your changes again.`, {
        status: 409,
        details: { conflicts: applied.conflicts },
      });
    }
    if (applied.deletes.length > 0) {
      await tx.setupTime.deleteMany({ where: { manufacturerId, OR: applied.deletes.map((cell) => ({ fromFamily: cell.from, toFamily: cell.to })) } });
    }
    for (const cell of applied.upserts) {
      await tx.setupTime.upsert({
        where: { manufacturerId_fromFamily_toFamily: { manufacturerId, fromFamily: cell.from, toFamily: cell.to } },
        create: { manufacturerId, fromFamily: cell.from, toFamily: cell.to, minutes: cell.minutes },
        update: { minutes: cell.minutes },
      });
    }
    if (input.defaultMinutes) {
      await tx.factorySettings.upsert({
        where: { manufacturerId },
        create: { manufacturerId, setupDefaultMinutes: input.defaultMinutes.after },
        update: { setupDefaultMinutes: input.defaultMinutes.after },
      });
    }
    await recordAudit(tx, {
      actor: admin,
      action: "setup-matrix.save",
      targetType: "setup-matrix",
      targetId: manufacturerId,
      address,
      details: {
        defaultMinutes: input.defaultMinutes ?? null,
        changedCells: input.cells.length,
        cells: input.cells.slice(0, AUDITED_CELLS).map((cell) => ({ from: cell.from, to: cell.to, before: cell.before, after: cell.after })),
      },
    });
    await writeOutboxEvent(tx, linesChanged(manufacturerId, "setup-matrix", admin.userId));
    return { table: applied.table, upserted: applied.upserts.length, deleted: applied.deletes.length };
  });
  nudgeOutbox();
  return result;
}
