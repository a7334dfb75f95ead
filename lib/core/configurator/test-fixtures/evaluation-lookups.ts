import type { Evaluation } from "../evaluate";
import type { GroupState, OptionState } from "../option-availability";

/** Test lookups into an evaluation, failing loudly when the group or option is missing. */
export function groupOf(evaluation: Evaluation, code: string): GroupState {
  const group = evaluation.groups.find((state) => state.code === code);
  if (!group) throw new Error(`no group ${code}`);
  return group;
}

export function optionOf(evaluation: Evaluation, groupCode: string, optionCode: string): OptionState {
  const group = groupOf(evaluation, groupCode);
  const option = "options" in group ? group.options.find((state) => state.code === optionCode) : undefined;
  if (!option) throw new Error(`no option ${groupCode}.${optionCode}`);
  return option;
}

export function availableOptions(evaluation: Evaluation, groupCode: string): string[] {
  const group = groupOf(evaluation, groupCode);
  return "options" in group ? group.options.filter((option) => option.available).map((option) => option.code) : [];
}
