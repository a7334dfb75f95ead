import { randomFillSync } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. The ids Prisma
 * gives with `@default(uuid(7))`, for rows written with plain SQL: time-ordered, so new rows go
 * to the right edge of their primary-key index.
 */
export function uuidV7(ms: number = Date.now()): string {
  const bytes = randomFillSync(new Uint8Array(16));
  const time = Math.max(0, Math.floor(ms));
  // 48-bit big-endian milliseconds: the high 16 bits, then the low 32
  const high = Math.floor(time / 2 ** 32);
  const low = time >>> 0;
  bytes[0] = (high >>> 8) & 0xff;
  bytes[1] = high & 0xff;
  bytes[2] = (low >>> 24) & 0xff;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
