import fc from "fast-check";

/**
 * Adversarial input for every validated endpoint: values of the wrong type, huge strings and
 * arrays, deep nesting, prototype-pollution keys, unicode edge cases (NUL, lone surrogates,
 * bidi overrides, BOM, astral characters), negative, fractional and non-finite numbers — as
 * whole bodies, and spliced into a valid body at a random place (the realistic attack: a
 * well-formed request with one poisoned field).
 */
export type JsonLike = null | boolean | number | string | JsonLike[] | { [key: string]: JsonLike };

const nested = (depth: number, leaf: JsonLike = 1): JsonLike => {
  let value: JsonLike = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

const UNICODE_EDGES = ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "\u202eevil", "\ufeffbom", "\u200b", "𝕏𝕐", "e\u0301", "\uffff", "\r\n", "%00", "\\u0000"];
const INJECTIONS = ["<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "${7*7}", "=HYPERLINK(\"http://evil\")", "__proto__", "constructor", "toString"];
const NUMBERS = [0, -1, -0.5, 0.5, 1.5, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 31) - 1, 2 ** 31];

/** One hostile value (as JSON would carry it). */
export const hostileValue: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom<JsonLike>(null, true, false, "", " ", {}, [], [[]], "NaN", "Infinity", "-1", "1e999", "0x10", "true", "null"),
  fc.constantFrom<JsonLike>(...UNICODE_EDGES, ...INJECTIONS, ...NUMBERS),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom<JsonLike>("x".repeat(100_000), "é".repeat(70_000), "\u0000".repeat(1_000)),
  fc.constantFrom<JsonLike>(Array.from({ length: 10_000 }, () => 0), Array.from({ length: 2_000 }, (_, i) => ({ id: String(i) }))),
  fc.integer({ min: 50, max: 3_000 }).map((depth) => nested(depth)),
  fc.array(fc.string({ unit: "binary", maxLength: 8 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), fc.string({ unit: "binary", maxLength: 8 }), { maxKeys: 4 }),
);

/** Keys an attacker adds hoping something merges them into a prototype. */
const POLLUTION_KEYS = ["__proto__", "constructor", "prototype"];

type Path = Array<string | number>;

/** Characters PostgreSQL refuses in text (NUL) or in JSON (NUL, unpaired surrogates), and other traps. */
export const TEXT_TRAPS = ["\u0000", "\ud800", "\udfff", "\u202e", "\ufeff", "\r\n"];

/**
 * The deterministic sweep: every string in the valid body, in turn, with each trap appended —
 * the case random generation is least likely to hit, and the one most likely to reach storage.
 */
export function trappedBodies(valid: JsonLike): Array<{ text: string; how: string }> {
  const out: Array<{ text: string; how: string }> = [];
  for (const path of paths(valid)) {
    let value: JsonLike = valid;
    for (const step of path) value = (value as Record<string | number, JsonLike>)[step]!;
    if (typeof value !== "string") continue;
    for (const trap of TEXT_TRAPS) out.push({ text: JSON.stringify(setAt(valid, path, `${value}${trap}`)), how: `trap ${JSON.stringify(trap)} in ${path.join(".")}` });
  }
  return out;
}

function paths(value: JsonLike, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 5).forEach((item, index) => paths(item, [...prefix, index], out));
  else if (value && typeof value === "object") for (const key of Object.keys(value)) paths(value[key]!, [...prefix, key], out);
  return out;
}

function setAt(root: JsonLike, path: Path, replacement: JsonLike | undefined): JsonLike | undefined {
  if (path.length === 0) return replacement;
  const copy: JsonLike = structuredClone(root);
  let cursor = copy as Record<string | number, JsonLike>;
  for (const step of path.slice(0, -1)) cursor = cursor[step] as Record<string | number, JsonLike>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete cursor[last];
  else cursor[last] = replacement;
  return copy;
}

/** JSON text with an own "__proto__" (or similar) key, which object literals cannot express. */
function withPollutionKey(valid: JsonLike, key: string, payload: JsonLike): string {
  const text = JSON.stringify(valid);
  const injected = `${JSON.stringify(key)}:${JSON.stringify(payload)}`;
  if (valid && typeof valid === "object" && !Array.isArray(valid)) return text === "{}" ? `{${injected}}` : `{${injected},${text.slice(1)}`;
  return `{${injected}}`;
}

/**
 * A request body as text: derived from a valid body (one field replaced, removed, or a
 * pollution key added), a hostile value on its own, or text that is not JSON at all.
 */
export function hostileJsonBody(valid: JsonLike): fc.Arbitrary<{ text: string; how: string }> {
  const candidatePaths = paths(valid);
  const replaced = fc.tuple(fc.constantFrom(...candidatePaths), hostileValue).map(([path, value]) => ({ text: JSON.stringify(setAt(valid, path, value)), how: `replace ${path.join(".") || "(body)"}` }));
  const removed = fc.constantFrom(...candidatePaths.filter((path) => path.length > 0)).map((path) => ({ text: JSON.stringify(setAt(valid, path, undefined)), how: `remove ${path.join(".")}` }));
  const polluted = fc.tuple(fc.constantFrom(...POLLUTION_KEYS), fc.constantFrom<JsonLike>({ polluted: true }, { prototype: { polluted: true } }, "polluted")).map(([key, payload]) => ({ text: withPollutionKey(valid, key, payload), how: `add ${key}` }));
  const whole = hostileValue.map((value) => ({ text: JSON.stringify(value), how: "whole body" }));
  const notJson = fc.constantFrom("", "{", "NaN", "[1,]", "{'a':1}", "\ufeff{}", "[".repeat(100_000), `{"a":${"1".repeat(400)}}`, "x".repeat(1_100_000)).map((text) => ({ text, how: "not JSON" }));
  const weird = fc.string({ unit: "binary", maxLength: 50 }).map((text) => ({ text, how: "random text" }));
  return fc.oneof({ arbitrary: replaced, weight: 6 }, { arbitrary: removed, weight: 1 }, { arbitrary: polluted, weight: 1 }, { arbitrary: whole, weight: 1 }, { arbitrary: notJson, weight: 1 }, { arbitrary: weird, weight: 1 });
}

/** Query parameters: the route's own keys with hostile values, plus unknown and repeated ones. */
export function hostileQuery(keys: string[]): fc.Arbitrary<Array<[string, string]>> {
  const text = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS, "-1", "0", "NaN", "1e999", "999999999999", "2026-02-30", "x".repeat(5_000)));
  const key = fc.oneof(fc.constantFrom(...keys, "__proto__", "constructor", "limit", "cursor", "days"), fc.string({ unit: "binary", maxLength: 8 }));
  return fc.array(fc.tuple(key, text), { minLength: 1, maxLength: 6 });
}

/** A path parameter (an id) an attacker chose. */
export const hostileId: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
    fc.constantFrom("..", "../admin", "%2e%2e", "1 OR 1=1", "x".repeat(5_000), "\u0000", "\ud800", "null", "undefined", "__proto__"),
  )
  // A URL carries UTF-8: a lone surrogate arrives as U+FFFD, whatever the client meant.
  .map((id) => Buffer.from(id, "utf8").toString("utf8"));

/** A CSV upload: hostile cells in the expected columns, or no CSV at all. */
export function hostileCsv(header: string): fc.Arbitrary<string> {
  const cell = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS, '"unterminated', '"a""b"', "-5", "1.5", "x".repeat(10_000)));
  const row = fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(","));
  const csv = fc.array(row, { minLength: 1, maxLength: 20 }).map((rows) => `${header}\n${rows.join("\n")}\n`);
  return fc.oneof(csv, fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(" ", "\n\n", header, `${header}\n${"a,".repeat(50_000)}`));
}
