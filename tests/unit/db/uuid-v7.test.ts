import { describe, expect, it } from "vitest";
import { uuidsV7, uuidV7 } from "@/lib/server/db/uuid-v7";

describe("uuidV7", () => {
  it("is an RFC 9562 version 7 UUID carrying its millisecond, unique, and ordered by time", () => {
    const ms = Date.UTC(2026, 11, 6, 7, 0, 0, 123);
    const id = uuidV7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(ms);
    const ids = Array.from({ length: 5000 }, (_, i) => uuidV7(ms + i));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("makes a batch of distinct ids carrying the batch's millisecond", () => {
    const ms = Date.UTC(2026, 11, 6, 7, 0, 0, 456);
    const ids = uuidsV7(300, ms);
    expect(new Set(ids).size).toBe(300);
    for (const id of ids) expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(ms);
  });
});
