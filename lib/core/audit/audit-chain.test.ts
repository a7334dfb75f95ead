import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../json/canonical-json";
import { auditHashInput, findBrokenLink, type AuditEntryContent, type ChainLink } from "./audit-chain";

const sha256 = (input: string) => createHash("sha256").update(input).digest("hex");
const content = (action: string): AuditEntryContent => ({
  at: "2026-12-01T06:00:00.000Z", actorType: "user", actorId: "u1", organizationId: "o1",
  action, targetType: "user", targetId: "u2", address: "127.0.0.1", outcome: "success", details: { b: 1, a: [2, { d: 3, c: 4 }] },
});

function chain(actions: string[]): ChainLink[] {
  let prev: string | null = null;
  return actions.map((action, index) => {
    const c = content(action);
    const hash = sha256(auditHashInput(c, prev));
    const link = { id: String(index + 1), content: c, prevHash: prev, hash };
    prev = hash;
    return link;
  });
}

describe("audit chain", () => {
  it("canonical JSON sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
  it("an intact chain has no broken link", () => {
    expect(findBrokenLink(chain(["a", "b", "c"]), sha256)).toBeNull();
  });
  it("an edited entry is the first broken link", () => {
    const entries = chain(["a", "b", "c"]);
    entries[1]!.content = { ...entries[1]!.content, action: "forged" };
    expect(findBrokenLink(entries, sha256)).toEqual({ id: "2", reason: "its content does not match its hash" });
  });
  it("a deleted entry breaks the link after it", () => {
    const entries = chain(["a", "b", "c"]);
    entries.splice(1, 1);
    expect(findBrokenLink(entries, sha256)?.id).toBe("3");
  });
});
