import { describe, expect, it } from "vitest";
import { findUnstorableText, isStorableText } from "./storable-text";

describe("storable text", () => {
  it("accepts ordinary text, astral characters and paired surrogates", () => {
    for (const text of ["", "Clara", "é", "𝕏 and 😀", "\u202e", "\ufeff", "line\r\nbreak"]) expect(isStorableText(text), text).toBe(true);
  });
  it("refuses NUL and unpaired surrogates, high or low, anywhere", () => {
    for (const text of ["\u0000", "a\u0000b", "\ud800", "x\ud800", "\udfff", "\udfffx", "a\ud800\ud800", "\udc00\ud800"]) expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });
  it("names the first bad value or key by its path", () => {
    expect(findUnstorableText({ a: [1, { b: "ok" }, { c: "x\u0000" }] })).toEqual({ path: "a.2.c" });
    expect(findUnstorableText({ ["k\ud800"]: 1 })).toEqual({ path: "k\ud800" });
    expect(findUnstorableText("\udfff")).toEqual({ path: "(body)" });
    expect(findUnstorableText({ a: ["fine", 2, null, true] })).toBeNull();
  });
});
