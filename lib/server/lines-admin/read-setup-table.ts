import type { SetupTable } from "@/lib/core/planning/planning-model";
import type { Tx } from "../db";

/** The manufacturer's setup matrix and default as the scheduler reads them (`loadPlanningState`). */
export async function readSetupTable(client: Tx, manufacturerId: string): Promise<SetupTable> {
  const [rows, settings] = await Promise.all([
    client.setupTime.findMany({ where: { manufacturerId }, select: { fromFamily: true, toFamily: true, minutes: true } }),
    client.factorySettings.findUnique({ where: { manufacturerId }, select: { setupDefaultMinutes: true } }),
  ]);
  const matrix: SetupTable["matrix"] = {};
  for (const row of rows) (matrix[row.fromFamily] ??= {})[row.toFamily] = row.minutes;
  // The same fallback as loadPlanningState when a factory has no settings row yet.
  return { defaultMinutes: settings?.setupDefaultMinutes ?? 30, matrix };
}
