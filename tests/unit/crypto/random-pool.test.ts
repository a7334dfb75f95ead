import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "@/lib/server/crypto/random-pool";

describe("pooled random bytes", () => {
  it("never hands out the same bytes twice, across refills of the pool", () => {
    const seen = new Set<string>();
    // 2,000 × 10 bytes: the 4 KB pool is refilled four times
    for (let i = 0; i < 2_000; i++) seen.add(Buffer.from(pooledRandomBytes(10)).toString("hex"));
    expect(seen.size).toBe(2_000);
  });

  it("gives exactly the bytes asked for, and every byte value turns up", () => {
    expect(pooledRandomBytes(6)).toHaveLength(6);
    expect(pooledRandomBytes(256)).toHaveLength(256);
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 200; i++) for (const byte of pooledRandomBytes(256)) counts[byte]!++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it("refuses a count it cannot serve", () => {
    for (const count of [0, -1, 1.5, 257]) expect(() => pooledRandomBytes(count)).toThrow(RangeError);
  });
});
