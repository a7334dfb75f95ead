/**
 * All "now" goes through a Clock so the demo can run the factory in accelerated time and
 * tests can fix time. The server injects one; nothing in lib/core calls Date.now() itself.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and simulations. */
export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/**
 * Accelerated time: `factor` simulated milliseconds pass per real millisecond, starting at
 * `origin` (simulated) from the moment the clock is made.
 */
export function acceleratedClock(origin: Date | string, factor: number, realNow: () => number): Clock {
  const simulatedStart = new Date(origin).getTime();
  const realStart = realNow();
  return { now: () => new Date(simulatedStart + (realNow() - realStart) * factor) };
}
