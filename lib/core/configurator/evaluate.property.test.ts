import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChoice } from "./apply-choice";
import type { ChoiceValue, Configuration } from "./configuration";
import { evaluate } from "./evaluate";
import { exampleCatalog } from "./examples";
import { generateLargeProduct } from "./examples/generate-large-product";
import type { OptionGroup, ProductDefinition } from "./product-definition";
import { brokenRules, incompleteGroups } from "./test-fixtures/reference-rules";

const products: ProductDefinition[] = [
  ...exampleCatalog.map((entry) => entry.product),
  generateLargeProduct(3, { groups: 12, options: 60, rules: 60 }),
  generateLargeProduct(11, { groups: 14, options: 70, rules: 120 }),
];

/** A plausible or hostile value for a group: mostly valid, sometimes off-grid, unknown or ill-typed. */
function valueFor(group: OptionGroup): fc.Arbitrary<ChoiceValue> {
  const junk: fc.Arbitrary<ChoiceValue> = fc.oneof(fc.constant("nope"), fc.integer(), fc.constant(["nope"]).map((codes) => [...codes]));
  switch (group.kind) {
    case "single":
      return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...group.options.map((option) => option.code)) }, { weight: 1, arbitrary: junk });
    case "multi":
      return fc.oneof({ weight: 9, arbitrary: fc.subarray(group.options.map((option) => option.code)) }, { weight: 1, arbitrary: junk });
    case "numeric": {
      const steps = Math.round((group.max - group.min) / group.step);
      const onGrid = fc.integer({ min: 0, max: steps }).map((step) => group.min + step * group.step);
      return fc.oneof({ weight: 9, arbitrary: onGrid }, { weight: 1, arbitrary: fc.double({ min: group.min - 50, max: group.max + 50, noNaN: true }) });
    }
    case "text":
      return fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[A-Z ]{0,4}$/) }, { weight: 2, arbitrary: fc.string({ maxLength: 30 }) });
  }
}

function configurationFor(product: ProductDefinition): fc.Arbitrary<Configuration> {
  const entries = product.groups.map((group) => fc.tuple(fc.constant(group.code), valueFor(group)));
  return fc.shuffledSubarray(entries.map((entry) => entry), { minLength: 0 }).chain((chosen) =>
    fc.tuple(...chosen).map((pairs) => Object.fromEntries(pairs) as Configuration),
  );
}

const productAndConfiguration = fc.constantFrom(...products).chain((product) => fc.tuple(fc.constant(product), configurationFor(product)));

describe("evaluate properties", () => {
  it("a configuration evaluate calls valid satisfies every rule and is complete (checked independently)", () => {
    let valid = 0;
    fc.assert(
      fc.property(productAndConfiguration, ([product, configuration]) => {
        const evaluation = evaluate(product, configuration);
        if (!evaluation.valid) return;
        valid += 1;
        expect(brokenRules(product, evaluation.configuration)).toEqual([]);
        expect(incompleteGroups(product, evaluation.configuration)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // The property must not hold vacuously.
    expect(valid).toBeGreaterThan(50);
  });

  it("every rule the independent check finds broken is reported as a conflict", () => {
    fc.assert(
      fc.property(productAndConfiguration, ([product, configuration]) => {
        const evaluation = evaluate(product, configuration);
        const reported = evaluation.conflicts.map((conflict) => conflict.ruleId).sort();
        if (evaluation.complete) expect(reported).toEqual(brokenRules(product, evaluation.configuration).sort());
      }),
      { numRuns: 300 },
    );
  });

  it("the price is a deterministic, non-negative integer that depends only on the values", () => {
    fc.assert(
      fc.property(productAndConfiguration, fc.integer({ min: 1, max: 50 }), ([product, configuration], quantity) => {
        const first = evaluate(product, configuration, { quantity });
        const again = evaluate(product, structuredClone(configuration), { quantity });
        expect(again.price).toEqual(first.price);
        expect(Number.isInteger(first.price.total) && first.price.total >= 0).toBe(true);
        expect(Number.isInteger(first.price.unitPrice) && first.price.unitPrice >= 0).toBe(true);
        expect(first.price.lines.every((line) => Number.isInteger(line.amount))).toBe(true);
        // The normalized configuration, given back as choices, has the same values and so the same price.
        if (first.errors.length === 0) expect(evaluate(product, first.configuration, { quantity }).price).toEqual(first.price);
      }),
      { numRuns: 300 },
    );
  });

  it("a resolved applyChoice keeps the choice and leaves no conflict", () => {
    const step = fc.constantFrom(...products).chain((product) =>
      fc.tuple(
        fc.constant(product),
        configurationFor(product),
        fc.constantFrom(...product.groups).chain((group) => fc.tuple(fc.constant(group.code), valueFor(group))),
      ),
    );
    fc.assert(
      fc.property(step, ([product, configuration, [group, value]]) => {
        const result = applyChoice(product, configuration, group, value);
        if (!result.ok || !result.resolved) return;
        expect(result.evaluation.conflicts).toEqual([]);
        expect(result.configuration[group]).toEqual(value);
        expect(Object.keys(result.configuration).at(-1)).toBe(group);
      }),
      { numRuns: 200 },
    );
  });
});
