import { pooledRandomBytes } from "../crypto/random-pool";

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. The ids Prisma
 * gives with `@default(uuid(7))`, for rows written with plain SQL: time-ordered, so new rows go
 * to the right edge of their primary-key index.
 */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

export function uuidV7(ms: number = Date.now()): string {
  const time = Math.max(0, Math.floor(ms));
  const random = pooledRandomBytes(10);
  const bytes = new Uint8Array(16);
  // 48-bit big-endian milliseconds: the high 16 bits, then the low 32
  const high = Math.floor(time / 2 ** 32);
  const low = time >>> 0;
  bytes[0] = (high >>> 8) & 0xff;
  bytes[1] = high & 0xff;
  bytes[2] = (low >>> 24) & 0xff;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes.set(random, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  let text = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text += "-";
    text += HEX[bytes[i]!];
  }
  return text;
}

/** `count` ids for one batch of rows (line events, plan assignments). */
export function uuidsV7(count: number, ms: number = Date.now()): string[] {
  return Array.from({ length: count }, () => uuidV7(ms));
}
