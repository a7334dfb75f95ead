import { randomFillSync } from "node:crypto";

/**
 * Bytes from the system's secure random source, drawn 4 KB at a time (as crypto.randomUUID
 * does): one call into the random source per few hundred ids instead of one per id. What it
 * hands out is never handed out again.
 */
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let offset = 0;

/** `count` random bytes (at most 256); a view into the pool, to be read at once, not kept. */
export function pooledRandomBytes(count: number): Uint8Array {
  if (!Number.isInteger(count) || count < 1 || count > 256) throw new RangeError("count must be an integer from 1 to 256");
  if (offset + count > pool.length) {
    pool = randomFillSync(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + count);
  offset += count;
  return bytes;
}
