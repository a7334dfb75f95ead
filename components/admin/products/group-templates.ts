import { CHARACTER_SETS, type OptionGroup } from "@/lib/core/configurator";

export const GROUP_KINDS: ReadonlyArray<{ value: OptionGroup["kind"]; label: string }> = [
  { value: "single", label: "Single choice" },
  { value: "multi", label: "Multiple choice" },
  { value: "numeric", label: "Number (min, max, step)" },
  { value: "text", label: "Text (length, characters)" },
];

/** The group as another kind, keeping what the kinds share (and the options between single and multi). */
export function groupAsKind(group: OptionGroup, kind: OptionGroup["kind"]): OptionGroup {
  const base = { code: group.code, label: group.label, description: group.description, required: group.required };
  const options = group.kind === "single" || group.kind === "multi" ? group.options : [{ code: "option-1", label: "Option 1", priceDelta: 0, leadTimeDays: 0, default: false }];
  switch (kind) {
    case "single":
      return { ...base, kind, options };
    case "multi":
      return { ...base, kind, options, minPicks: 0 };
    case "numeric":
      return { ...base, kind, min: 0, max: 100, step: 1, unit: "cm" };
    case "text":
      return { ...base, kind, maxLength: 20, allowedCharacters: CHARACTER_SETS.upperLatin + CHARACTER_SETS.digits + CHARACTER_SETS.space, letterCase: "as-typed" };
  }
}
