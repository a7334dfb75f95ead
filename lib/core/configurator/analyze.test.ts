import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import type { Rule } from "./definition/rule-schema";
import { exampleCatalog } from "./examples";
import { smallFridge } from "./test-fixtures/small-fridge";

const allColors = { group: "color", in: ["white", "black", "steel"] };
type RequiresRule = Extract<Rule, { kind: "requires" }>;
const requires = (id: string, when: RequiresRule["when"], require: RequiresRule["require"]): Rule => ({
  id,
  kind: "requires",
  message: id,
  when,
  require,
});

describe("analyze", () => {
  it("finds nothing wrong with the example products", () => {
    for (const { product } of exampleCatalog) expect(analyze(product)).toMatchObject({ ok: true, problems: [] });
  });

  it("reports an option no configuration can contain, with a minimal set of rules", () => {
    const product = smallFridge({
      rules: [
        requires("ice-needs-plumbing", { group: "extras", is: "ice" }, { group: "water", is: "plumbed" }),
        { id: "unrelated", kind: "excludes", message: "m", between: [{ group: "door", is: "glass" }, { group: "color", is: "white" }] },
        { id: "ice-no-plumbing", kind: "excludes", message: "m", between: [{ group: "extras", is: "ice" }, { group: "water", is: "plumbed" }] },
      ],
    });
    expect(analyze(product).problems).toEqual([
      {
        kind: "OPTION_NEVER_AVAILABLE",
        group: "extras",
        option: "ice",
        ruleIds: ["ice-needs-plumbing", "ice-no-plumbing"],
        message: '"Ice maker" in "Extras" can never be chosen.',
      },
    ]);
  });

  it("reasons exactly about numeric grids: a window between two grid values is empty", () => {
    const between = (low: number, high: number) =>
      smallFridge({
        rules: [
          requires("glass-wide", { group: "door", is: "glass" }, { group: "width", op: ">", value: low }),
          requires("glass-narrow", { group: "door", is: "glass" }, { group: "width", op: "<", value: high }),
        ],
      });
    // Width runs 60..120 in steps of 10: 101..109 holds no grid value, 100 < w < 111 holds 110.
    expect(analyze(between(100, 110)).problems.map((problem) => [problem.option, problem.ruleIds])).toEqual([["glass", ["glass-wide", "glass-narrow"]]]);
    expect(analyze(between(100, 111)).ok).toBe(true);
  });

  it("reports defaults that break a rule", () => {
    const product = smallFridge({
      rules: [{ id: "white-not-single", kind: "excludes", message: "m", between: [{ group: "color", is: "white" }, { group: "door", is: "single" }] }],
    });
    expect(analyze(product).problems).toEqual([
      { kind: "DEFAULT_VIOLATES_RULE", group: "color", ruleIds: ["white-not-single"], message: 'The defaults break "white-not-single": m' },
    ]);
  });

  it("reports a required group that can never be completed", () => {
    const product = smallFridge({
      rules: [
        { id: "too-narrow", kind: "numeric", message: "m", when: [], group: "width", op: "<=", value: 80 },
        { id: "too-wide", kind: "numeric", message: "m", when: [], group: "width", op: ">=", value: 100 },
      ],
    });
    expect(analyze(product).problems).toEqual([
      {
        kind: "GROUP_NEVER_COMPLETE",
        group: "width",
        ruleIds: ["too-narrow", "too-wide"],
        message: '"Width" can never be completed: the rules leave nothing to choose.',
      },
      { kind: "DEFAULT_VIOLATES_RULE", group: "width", ruleIds: ["too-wide"], message: 'The defaults break "too-wide": m' },
    ]);
  });

  it("reports rules that contradict each other outright", () => {
    const product = smallFridge({
      rules: [
        requires("colour-needs-french", allColors, { group: "door", is: "french" }),
        { id: "french-has-no-colour", kind: "excludes", message: "m", between: [{ group: "door", is: "french" }, allColors] },
        requires("door-needs-colour", { group: "door", in: ["single", "french", "glass"] }, allColors),
      ],
    });
    expect(analyze(product).problems).toEqual([
      {
        kind: "CONTRADICTORY_RULES",
        ruleIds: ["colour-needs-french", "french-has-no-colour"],
        message: "These rules contradict each other: no configuration satisfies them all.",
      },
      { kind: "DEFAULT_VIOLATES_RULE", group: "color", ruleIds: ["colour-needs-french"], message: 'The defaults break "colour-needs-french": colour-needs-french' },
    ]);
  });

  it("reports two set rules that set one group differently in a reachable situation", () => {
    const product = smallFridge({
      rules: [
        { id: "glass-is-steel", kind: "set", message: "m", when: [{ group: "door", is: "glass" }], group: "color", value: "steel" },
        { id: "ice-is-black", kind: "set", message: "m", when: [{ group: "extras", is: "ice" }], group: "color", value: "black" },
        { id: "french-is-black", kind: "set", message: "m", when: [{ group: "door", is: "french" }], group: "color", value: "black" },
      ],
    });
    expect(analyze(product).problems).toEqual([
      {
        kind: "CONTRADICTORY_RULES",
        group: "color",
        ruleIds: ["glass-is-steel", "ice-is-black"],
        message: '"glass-is-steel" and "ice-is-black" set "Colour" to different values when both apply.',
      },
    ]);
  });
});
