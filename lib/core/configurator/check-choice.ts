import type { Assignment } from "./assignment";
import { clearGroup, setPick } from "./assignment";
import type { CompiledGroup } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import type { ChoiceValue } from "./configuration";
import { checkNumber, normalizeText, type ValueErrorCode } from "./definition/value-checks";

export type ChoiceErrorCode = ValueErrorCode | "UNKNOWN_GROUP" | "UNKNOWN_OPTION" | "DUPLICATE_OPTION" | "TOO_MANY_PICKS";

export type CheckedChoice =
  | { kind: "single"; option: number }
  | { kind: "multi"; options: number[] }
  | { kind: "numeric"; value: number }
  | { kind: "text"; value: string };

export type ChoiceCheck = { ok: true; choice: CheckedChoice } | { ok: false; code: ChoiceErrorCode; message: string };

/**
 * One value from outside (URL, form, API) checked against its group: known option codes, a
 * number on the grid, text within length and charset. The same check serves evaluate, the URL
 * decoder and applyChoice, so all three reject exactly the same things.
 */
export function checkChoice(group: CompiledGroup, value: unknown): ChoiceCheck {
  const label = group.label;
  switch (group.kind) {
    case "single": {
      if (typeof value !== "string") return wrongType(`${label}: choose one option`);
      const option = group.optionIndex.get(value);
      if (option === undefined) return { ok: false, code: "UNKNOWN_OPTION", message: `${label}: there is no option "${clip(value)}"` };
      return { ok: true, choice: { kind: "single", option } };
    }
    case "multi": {
      if (!Array.isArray(value) || value.some((code) => typeof code !== "string")) return wrongType(`${label}: a list of options`);
      const options: number[] = [];
      for (const code of value as string[]) {
        const option = group.optionIndex.get(code);
        if (option === undefined) return { ok: false, code: "UNKNOWN_OPTION", message: `${label}: there is no option "${clip(code)}"` };
        if (options.includes(option)) return { ok: false, code: "DUPLICATE_OPTION", message: `${label}: "${code}" is listed twice` };
        options.push(option);
      }
      if (options.length > group.maxPicks) {
        return { ok: false, code: "TOO_MANY_PICKS", message: `${label}: choose at most ${group.maxPicks}` };
      }
      return { ok: true, choice: { kind: "multi", options } };
    }
    case "numeric": {
      if (typeof value !== "number") return wrongType(`${label}: must be a number`);
      const check = checkNumber(group, value);
      return check.ok ? { ok: true, choice: { kind: "numeric", value: check.value } } : { ok: false, code: check.code, message: `${label} ${check.message}` };
    }
    case "text": {
      if (typeof value !== "string") return wrongType(`${label}: must be text`);
      const check = normalizeText(group, value);
      return check.ok ? { ok: true, choice: { kind: "text", value: check.value } } : { ok: false, code: check.code, message: `${label} ${check.message}` };
    }
  }
}

function wrongType(message: string): ChoiceCheck {
  return { ok: false, code: "WRONG_TYPE", message };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function writeChoice(group: CompiledGroup, assignment: Assignment, choice: CheckedChoice, source: number): void {
  clearGroup(group, assignment);
  if (choice.kind === "single") assignment.option[group.index] = choice.option;
  else if (choice.kind === "multi") for (const option of choice.options) setPick(assignment, group.index, option, true);
  else if (choice.kind === "numeric") assignment.number[group.index] = choice.value;
  else assignment.text[group.index] = choice.value;
  assignment.source[group.index] = source;
}

/** The group's value in configuration form, or null when it has none. */
export function readChoice(group: CompiledGroup, assignment: Assignment): ChoiceValue | null {
  const index = group.index;
  switch (group.kind) {
    case "single": {
      const option = assignment.option[index] ?? NO_OPTION;
      return option === NO_OPTION ? null : (group.options[option]?.code ?? null);
    }
    case "multi": {
      const picks = assignment.picks[index];
      if (!picks) return null;
      const codes: string[] = [];
      group.options.forEach((option) => {
        if (picks[option.index] === 1) codes.push(option.code);
      });
      // An untouched optional multi group has no value; a customer's explicit empty list does.
      return codes.length === 0 && assignment.source[index] === 0 ? null : codes;
    }
    case "numeric": {
      const value = assignment.number[index] ?? Number.NaN;
      return Number.isNaN(value) ? null : value;
    }
    case "text": {
      const text = assignment.text[index] ?? "";
      return text === "" && assignment.source[index] === 0 ? null : text;
    }
  }
}
