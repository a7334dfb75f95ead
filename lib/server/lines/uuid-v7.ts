import { randomBytes } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits — the ids Prisma's
 * `uuid(7)` default makes, for rows this code inserts with raw SQL (time-ordered ids keep the
 * primary-key index append-only).
 */
export function uuidV7(nowMs: number = Date.now()): string {
  return format(randomBytes(16), nowMs);
}

/** `count` ids for one batch, from one call to the random source. */
export function uuidsV7(count: number, nowMs: number = Date.now()): string[] {
  const random = randomBytes(16 * count);
  return Array.from({ length: count }, (_, i) => format(random.subarray(i * 16, i * 16 + 16), nowMs));
}

function format(bytes: Buffer, nowMs: number): string {
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
