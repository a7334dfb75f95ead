import { checkChoice } from "./check-choice";
import { compileProduct } from "./compile/compile-product";
import type { CompiledGroup } from "./compile/compiled-product";
import type { ChoiceValue, Configuration } from "./configuration";
import type { ProductDefinition } from "./product-definition";

/**
 * Shareable links: `door.french~width.85~extras.ice-maker.water~monogram.SkQ` — entries in
 * choice order, `group.value`, multi picks joined by ".", text as base64url UTF-8. Every
 * character is URL-unreserved, so the string goes into a query parameter unescaped.
 */
const ENTRY_SEPARATOR = "~";
const VALUE_SEPARATOR = ".";
export const MAX_ENCODED_LENGTH = 4000;
const MAX_ENTRIES = 100;
const NUMBER_PATTERN = /^-?\d{1,12}(?:\.\d{1,10})?$/;

export interface DroppedEntry {
  /** The entry as it appeared in the link (clipped). */
  entry: string;
  group: string | null;
  reason: "MALFORMED" | "TOO_LONG" | "UNKNOWN_GROUP" | "DUPLICATE_GROUP" | "UNKNOWN_OPTION" | "INVALID_VALUE";
  message: string;
}

export interface DecodedConfiguration {
  configuration: Configuration;
  dropped: DroppedEntry[];
}

export function encodeConfiguration(product: ProductDefinition, configuration: Configuration): string {
  const compiled = compileProduct(product);
  const entries: string[] = [];
  for (const [code, value] of Object.entries(configuration)) {
    const index = compiled.groupIndex.get(code);
    const group = index === undefined ? undefined : compiled.groups[index];
    const encoded = group ? encodeValue(group, value) : null;
    if (encoded !== null) entries.push(`${code}${VALUE_SEPARATOR}${encoded}`);
  }
  return entries.join(ENTRY_SEPARATOR);
}

function encodeValue(group: CompiledGroup, value: ChoiceValue): string | null {
  if (group.kind === "multi") return Array.isArray(value) ? value.join(VALUE_SEPARATOR) : null;
  if (group.kind === "numeric") return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
  if (group.kind === "text") return typeof value === "string" ? toBase64Url(value) : null;
  return typeof value === "string" ? value : null;
}

/**
 * Reads a link back against the current product version. Nothing is dropped silently: an
 * unknown group or option, a number off the grid, text the factory cannot make — each comes
 * back in `dropped` with the reason, and the rest of the link still applies.
 */
export function decodeConfiguration(product: ProductDefinition, encoded: string): DecodedConfiguration {
  const compiled = compileProduct(product);
  const configuration: Configuration = {};
  const dropped: DroppedEntry[] = [];
  if (encoded.length > MAX_ENCODED_LENGTH) {
    return { configuration, dropped: [{ entry: clip(encoded), group: null, reason: "TOO_LONG", message: `links hold at most ${MAX_ENCODED_LENGTH} characters` }] };
  }
  const entries = encoded === "" ? [] : encoded.split(ENTRY_SEPARATOR);
  entries.forEach((entry, position) => {
    const drop = (group: string | null, reason: DroppedEntry["reason"], message: string) =>
      dropped.push({ entry: clip(entry), group, reason, message });
    if (position >= MAX_ENTRIES) return drop(null, "TOO_LONG", `at most ${MAX_ENTRIES} choices`);
    const dot = entry.indexOf(VALUE_SEPARATOR);
    if (dot <= 0) return drop(null, "MALFORMED", "expected group.value");
    const code = entry.slice(0, dot);
    const raw = entry.slice(dot + 1);
    const index = compiled.groupIndex.get(code);
    const group = index === undefined ? undefined : compiled.groups[index];
    if (!group) return drop(null, "UNKNOWN_GROUP", `this product has no option group "${clip(code)}"`);
    if (Object.hasOwn(configuration, code)) return drop(code, "DUPLICATE_GROUP", `"${code}" appears twice; the first one is kept`);

    let value: ChoiceValue;
    if (group.kind === "multi") {
      const codes = raw === "" ? [] : raw.split(VALUE_SEPARATOR);
      value = codes.filter((option) => {
        if (group.optionIndex.has(option)) return true;
        drop(code, "UNKNOWN_OPTION", `${group.label}: there is no option "${clip(option)}"`);
        return false;
      });
    } else if (group.kind === "numeric") {
      if (!NUMBER_PATTERN.test(raw)) return drop(code, "INVALID_VALUE", `${group.label}: "${clip(raw)}" is not a number`);
      value = Number(raw);
    } else if (group.kind === "text") {
      const text = fromBase64Url(raw);
      if (text === null) return drop(code, "MALFORMED", `${group.label}: the text is not readable`);
      value = text;
    } else {
      value = raw;
    }
    const check = checkChoice(group, value);
    if (!check.ok) return drop(code, check.code === "UNKNOWN_OPTION" ? "UNKNOWN_OPTION" : "INVALID_VALUE", check.message);
    configuration[code] = value;
  });
  return { configuration, dropped };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
