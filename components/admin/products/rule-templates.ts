import type { OptionGroup, Rule, RuleKind } from "@/lib/core/configurator";
import { defaultCondition } from "./condition-editor";

export const RULE_KINDS: ReadonlyArray<{ value: RuleKind; label: string; hint: string }> = [
  { value: "requires", label: "Requires", hint: "When the first condition holds, the second must hold too." },
  { value: "excludes", label: "Never together (excludes)", hint: "The two conditions never hold at the same time." },
  { value: "availability", label: "Only these options (availability)", hint: "When the conditions hold, only the listed options of a group may be chosen." },
  { value: "numeric", label: "Number limit", hint: "When the conditions hold, a numeric group must satisfy the comparison." },
  { value: "set", label: "Sets a value", hint: "When the conditions hold, a group takes this value (defaults give way; a customer's own different choice is a conflict)." },
];

const firstOf = (groups: readonly OptionGroup[], kinds: ReadonlyArray<OptionGroup["kind"]>) => groups.find((group) => kinds.includes(group.kind));

/**
 * A new rule of `kind` on the product's groups, keeping the id and message the admin already
 * typed. Its conditions start on the first group; the admin narrows them down.
 */
export function ruleOfKind(kind: RuleKind, groups: readonly OptionGroup[], base: { id: string; message: string }): Rule {
  const first = defaultCondition(groups[0]);
  const second = defaultCondition(groups[1] ?? groups[0]);
  switch (kind) {
    case "requires":
      return { ...base, kind, when: first, require: second };
    case "excludes":
      return { ...base, kind, between: [first, second] };
    case "availability": {
      const target = firstOf(groups, ["single", "multi"]);
      const options = target && (target.kind === "single" || target.kind === "multi") ? target.options : [];
      return { ...base, kind, when: [first], group: target?.code ?? "", only: options.slice(0, 1).map((option) => option.code) };
    }
    case "numeric": {
      const target = firstOf(groups, ["numeric"]);
      return { ...base, kind, when: [], group: target?.code ?? "", op: "<=", value: target?.kind === "numeric" ? target.max : 0 };
    }
    case "set": {
      const target = groups[1] ?? groups[0];
      return { ...base, kind, when: [first], group: target?.code ?? "", value: defaultSetValue(target) };
    }
  }
}

/** A value the group can take: its first option, its minimum, or empty text. */
export function defaultSetValue(group: OptionGroup | undefined): string | number {
  if (!group) return "";
  if (group.kind === "numeric") return group.min;
  if (group.kind === "text") return "";
  return group.options[0]?.code ?? "";
}
