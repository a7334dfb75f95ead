import { systemClock, type Clock } from "@/lib/core/clock/clock";

/**
 * The process's clock. Every "now" on the server comes from here, so the simulation can run
 * the factory in accelerated time and tests can fix it. Global: Next's bundles and the custom
 * server share it.
 */
const globalForClock = globalThis as unknown as { __tailorlineClock?: Clock };

export const clock: Clock = { now: () => (globalForClock.__tailorlineClock ?? systemClock).now() };

export function setServerClock(next: Clock | undefined): void {
  globalForClock.__tailorlineClock = next;
}
