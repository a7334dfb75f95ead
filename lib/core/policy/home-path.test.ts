import { describe, expect, it } from "vitest";
import { anonymous } from "./actor";
import { homePathFor, safeNextPath } from "./home-path";

const user = (role: "consumer" | "supplier" | "planner" | "admin", organizationKind: "manufacturer" | "supplier" | null) =>
  ({ kind: "user", userId: "u", role, organizationId: organizationKind ? "o" : null, organizationKind }) as const;

describe("home paths", () => {
  it("lands each role on its home", () => {
    expect(homePathFor(user("consumer", null))).toBe("/catalogue");
    expect(homePathFor(user("supplier", "supplier"))).toBe("/supplier/requests");
    expect(homePathFor(user("planner", "manufacturer"))).toBe("/board");
    expect(homePathFor(user("admin", "manufacturer"))).toBe("/admin");
    expect(homePathFor(user("admin", "supplier"))).toBe("/admin/users");
    expect(homePathFor(anonymous)).toBe("/sign-in");
  });
  it("allows only same-site relative next paths", () => {
    expect(safeNextPath("/board?zoom=day")).toBe("/board?zoom=day");
    expect(safeNextPath("//evil.example")).toBeNull();
    expect(safeNextPath("/\\evil.example")).toBeNull();
    expect(safeNextPath("https://evil.example")).toBeNull();
    expect(safeNextPath(42)).toBeNull();
  });
});
