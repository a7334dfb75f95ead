import type { NumericGroup, TextGroup } from "./option-group-schema";

export type ValueCheck<T> = { ok: true; value: T } | { ok: false; code: ValueErrorCode; message: string };
export type ValueErrorCode = "OUT_OF_RANGE" | "OFF_STEP" | "TOO_LONG" | "DISALLOWED_CHARACTERS" | "WRONG_TYPE";

// Steps like 0.1 are not exact in binary; a value within this many steps of the grid is on it.
const STEP_TOLERANCE = 1e-7;

/** A value on the group's grid min + k·step, snapped to cancel float noise (85.00000001 → 85). */
export function checkNumber(group: Pick<NumericGroup, "min" | "max" | "step" | "unit">, value: number): ValueCheck<number> {
  if (!Number.isFinite(value)) return { ok: false, code: "WRONG_TYPE", message: "must be a number" };
  if (value < group.min || value > group.max) {
    return { ok: false, code: "OUT_OF_RANGE", message: `must be between ${group.min} and ${group.max} ${group.unit}` };
  }
  const steps = (value - group.min) / group.step;
  const nearest = Math.round(steps);
  if (Math.abs(steps - nearest) > STEP_TOLERANCE) {
    return { ok: false, code: "OFF_STEP", message: `must be in steps of ${group.step} ${group.unit} from ${group.min}` };
  }
  return { ok: true, value: snapToGrid(group, nearest) };
}

/** The grid value min + k·step, rounded to the decimals of min and step so it prints cleanly. */
export function snapToGrid(group: Pick<NumericGroup, "min" | "step">, stepIndex: number): number {
  const decimals = Math.min(10, Math.max(decimalPlaces(group.min), decimalPlaces(group.step)));
  const factor = 10 ** decimals;
  return Math.round((group.min + stepIndex * group.step) * factor) / factor;
}

function decimalPlaces(value: number): number {
  const text = String(value);
  if (text.includes("e-")) return Number(text.split("e-")[1] ?? 0);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Trimmed, NFC-normalized, case-converted text that uses only the allowed characters. The
 * empty string means "left blank". Characters are counted as code points, as a customer sees them.
 */
export function normalizeText(
  group: Pick<TextGroup, "maxLength" | "allowedCharacters" | "letterCase">,
  value: string,
): ValueCheck<string> {
  let text = value.normalize("NFC").trim();
  if (group.letterCase === "upper") text = text.toUpperCase();
  const characters = Array.from(text);
  if (characters.length > group.maxLength) {
    return { ok: false, code: "TOO_LONG", message: `must be at most ${group.maxLength} characters` };
  }
  const allowed = allowedCharacterSet(group.allowedCharacters);
  const disallowed = [...new Set(characters.filter((character) => !allowed.has(character)))];
  if (disallowed.length > 0) {
    return {
      ok: false,
      code: "DISALLOWED_CHARACTERS",
      message: `contains characters that cannot be made: ${disallowed.slice(0, 5).map((c) => JSON.stringify(c)).join(", ")}`,
    };
  }
  return { ok: true, value: text };
}

const characterSets = new Map<string, Set<string>>();

function allowedCharacterSet(allowedCharacters: string): Set<string> {
  let set = characterSets.get(allowedCharacters);
  if (!set) {
    set = new Set(Array.from(allowedCharacters.normalize("NFC")));
    characterSets.set(allowedCharacters, set);
  }
  return set;
}
