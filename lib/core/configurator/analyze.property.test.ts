import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import type { Configuration } from "./configuration";
import type { Condition } from "./definition/condition-schema";
import type { Rule } from "./definition/rule-schema";
import { defineProduct, type ProductDefinition } from "./product-definition";
import { brokenRules, incompleteGroups } from "./test-fixtures/reference-rules";

/**
 * analyze claims exactness. On products small enough to enumerate every configuration, the
 * options it calls unreachable must be exactly those no valid configuration contains.
 */
const singles = ["a", "b", "c"] as const;
const options = ["x", "y", "z"] as const;
const numbers = [0, 5, 10, 15, 20] as const;

const optionCondition = fc.record({ group: fc.constantFrom(...singles, "m", "o"), is: fc.constantFrom(...options) }).map(
  (condition): Condition => (condition.group === "o" ? { group: "o", is: condition.is === "z" ? "x" : condition.is } : condition),
);
const anyCondition: fc.Arbitrary<Condition> = fc.oneof(
  optionCondition,
  fc.record({ group: fc.constantFrom(...singles), in: fc.subarray([...options], { minLength: 1 }) }),
  fc.record({ group: fc.constantFrom(...singles, "m"), notIn: fc.subarray([...options], { minLength: 1 }) }),
  fc.record({ group: fc.constant("n"), op: fc.constantFrom("<", "<=", ">", ">=", "=", "!=" as const), value: fc.integer({ min: -2, max: 22 }) }),
  fc.record({ group: fc.constant("t"), filled: fc.boolean() }),
);

const ruleArbitrary: fc.Arbitrary<Omit<Rule, "id">> = fc.oneof(
  fc.record({ kind: fc.constant("requires" as const), message: fc.constant("m"), when: anyCondition, require: anyCondition }),
  fc.record({ kind: fc.constant("excludes" as const), message: fc.constant("m"), between: fc.tuple(anyCondition, anyCondition) }),
  fc.record({
    kind: fc.constant("availability" as const),
    message: fc.constant("m"),
    when: fc.array(anyCondition, { minLength: 1, maxLength: 2 }),
    group: fc.constantFrom(...singles, "m"),
    only: fc.subarray([...options]),
  }),
  fc.record({
    kind: fc.constant("numeric" as const),
    message: fc.constant("m"),
    when: fc.array(anyCondition, { maxLength: 2 }),
    group: fc.constant("n"),
    op: fc.constantFrom("<", "<=", ">", ">=", "=", "!=" as const),
    value: fc.integer({ min: -2, max: 22 }),
  }),
  fc.record({
    kind: fc.constant("set" as const),
    message: fc.constant("m"),
    when: fc.array(anyCondition, { minLength: 1, maxLength: 2 }),
    group: fc.constantFrom(...singles),
    value: fc.constantFrom(...options),
  }),
);

function tinyProduct(rules: Omit<Rule, "id">[]): ProductDefinition {
  const choice = (code: string, required: boolean, codes: readonly string[]) => ({
    code,
    label: code,
    kind: "single" as const,
    required,
    options: codes.map((option) => ({ code: option, label: option })),
  });
  return defineProduct({
    id: "tiny",
    slug: "tiny",
    name: "Tiny",
    version: 1,
    productType: "generic",
    currency: "EUR",
    basePrice: 0,
    groups: [
      ...singles.map((code) => choice(code, true, options)),
      { ...choice("m", false, options), kind: "multi", maxPicks: 2 },
      choice("o", false, ["x", "y"]),
      { code: "n", label: "n", kind: "numeric", required: true, min: 0, max: 20, step: 5, unit: "cm" },
      { code: "t", label: "t", kind: "text", maxLength: 2, allowedCharacters: "AB" },
    ],
    rules: rules.map((rule, index) => ({ ...rule, id: `r${index}` }) as Rule),
    routing: { capabilities: ["assembly"], minutesPerUnit: 1 },
  });
}

function* everyConfiguration(): Generator<Configuration> {
  const picks = [[], ["x"], ["y"], ["z"], ["x", "y"], ["x", "z"], ["y", "z"]];
  for (const a of options)
    for (const b of options)
      for (const c of options)
        for (const m of picks)
          for (const o of [undefined, "x", "y"])
            for (const n of numbers)
              for (const t of ["", "AB"]) {
                const configuration: Configuration = { a, b, c, m, n, t };
                if (o !== undefined) configuration.o = o;
                yield configuration;
              }
}

describe("analyze is exact", () => {
  it("calls unreachable exactly the options no valid configuration contains", () => {
    let withUnreachable = 0;
    fc.assert(
      fc.property(fc.array(ruleArbitrary, { maxLength: 8 }), (rules) => {
        const product = tinyProduct(rules);
        const reachable = new Set<string>();
        let valid = 0;
        for (const configuration of everyConfiguration()) {
          if (brokenRules(product, configuration).length > 0 || incompleteGroups(product, configuration).length > 0) continue;
          valid += 1;
          for (const [group, value] of Object.entries(configuration)) {
            for (const code of Array.isArray(value) ? value : [value]) reachable.add(`${group}.${code}`);
          }
        }
        const problems = analyze(product).problems;
        if (valid === 0) {
          expect(problems.some((problem) => problem.kind === "GROUP_NEVER_COMPLETE" || problem.kind === "CONTRADICTORY_RULES")).toBe(true);
          return;
        }
        const unreachable = problems.filter((problem) => problem.kind === "OPTION_NEVER_AVAILABLE").map((problem) => `${problem.group}.${problem.option}`);
        const expected = [...singles, "m", "o"].flatMap((group) =>
          (group === "o" ? ["x", "y"] : [...options]).map((option) => `${group}.${option}`).filter((key) => !reachable.has(key)),
        );
        expect(unreachable.sort()).toEqual(expected.sort());
        if (expected.length > 0) withUnreachable += 1;
      }),
      { numRuns: 60 },
    );
    // Not vacuous: a good share of the random rule sets do make options unreachable.
    expect(withUnreachable).toBeGreaterThan(5);
  });
});
