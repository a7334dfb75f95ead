import type { Tx } from "../db";

/**
 * What a promise needs to know of a factory that changes rarely (shipping days, the length of
 * its working day), read at most once a minute per manufacturer: order placement is hot.
 */
export type FactoryProfile = { shippingDays: number; minutesPerWorkingDay: number };

const TTL_MS = 60_000;
const globalForProfiles = globalThis as unknown as { __factoryProfiles?: Map<string, { at: number; profile: FactoryProfile }> };
const cache = (globalForProfiles.__factoryProfiles ??= new Map());

export async function factoryProfile(tx: Tx, manufacturerId: string, nowMs = Date.now()): Promise<FactoryProfile> {
  const cached = cache.get(manufacturerId);
  if (cached && nowMs - cached.at < TTL_MS) return cached.profile;
  const [settings, shifts] = await Promise.all([
    tx.factorySettings.findUnique({ where: { manufacturerId }, select: { shippingDays: true } }),
    tx.lineShift.aggregate({ where: { line: { manufacturerId } }, _max: { endMinute: true }, _min: { startMinute: true } }),
  ]);
  const profile = {
    shippingDays: settings?.shippingDays ?? 3,
    minutesPerWorkingDay: Math.max(60, (shifts._max.endMinute ?? 22 * 60) - (shifts._min.startMinute ?? 6 * 60)),
  };
  cache.set(manufacturerId, { at: nowMs, profile });
  return profile;
}
