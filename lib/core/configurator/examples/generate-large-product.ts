import type { Condition } from "../definition/condition-schema";
import type { OptionGroup } from "../definition/option-group-schema";
import type { Rule } from "../definition/rule-schema";
import { defineProduct, type ProductDefinition, type ProductDefinitionInput } from "../product-definition";

export interface LargeProductSize {
  groups: number;
  options: number;
  rules: number;
}

/** Mulberry32: a tiny seeded generator, so the benchmark product is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A product far larger than any real one (by default 40 groups, 400 options, 800 rules) for the
 * benchmark. Rules are drawn at random but all hold for one hidden reference configuration, as
 * a real rule set is written around configurations that exist; individual options may still be
 * unreachable, which gives analyze real work.
 */
export function generateLargeProduct(seed = 42, size: LargeProductSize = { groups: 40, options: 400, rules: 800 }): ProductDefinition {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const numericCount = 3;
  const textCount = 1;
  const multiCount = 4;
  const singleCount = size.groups - numericCount - textCount - multiCount;
  const choiceGroups = singleCount + multiCount;

  const groups: OptionGroup[] = [];
  const reference = new Map<string, string | string[] | number>();
  let optionsLeft = size.options;
  for (let g = 0; g < choiceGroups; g += 1) {
    const count = Math.max(2, Math.round(optionsLeft / (choiceGroups - g)));
    optionsLeft -= count;
    const code = `g${g}`;
    const options = Array.from({ length: count }, (_, o) => ({
      code: `o${o}`,
      label: `Option ${g}.${o}`,
      priceDelta: Math.floor(random() * 50) * 100,
      leadTimeDays: 0,
      default: false,
    }));
    if (g < singleCount) {
      const chosen = pick(options);
      reference.set(code, chosen.code);
      chosen.default = random() < 0.5;
      groups.push({ code, label: `Group ${g}`, kind: "single", required: true, options });
    } else {
      const picks = options.filter(() => random() < 0.25).slice(0, 4).map((option) => option.code);
      reference.set(code, picks);
      groups.push({ code, label: `Group ${g}`, kind: "multi", required: false, minPicks: 0, maxPicks: 4, options });
    }
  }
  for (let n = 0; n < numericCount; n += 1) {
    const value = 50 + Math.floor(random() * 101);
    reference.set(`n${n}`, value);
    groups.push({ code: `n${n}`, label: `Size ${n}`, kind: "numeric", required: true, min: 50, max: 150, step: 1, unit: "cm", default: value });
  }
  for (let t = 0; t < textCount; t += 1) {
    reference.set(`t${t}`, "");
    groups.push({ code: `t${t}`, label: `Text ${t}`, kind: "text", required: false, maxLength: 12, allowedCharacters: "ABCDEFGHIJKLMNOPQRSTUVWXYZ ", letterCase: "upper" });
  }

  const choiceGroupList = groups.filter((group) => group.kind === "single" || group.kind === "multi");
  const optionCondition = (): { condition: Condition; holds: boolean } => {
    const group = pick(choiceGroupList);
    const option = pick(group.options).code;
    const value = reference.get(group.code);
    return { condition: { group: group.code, is: option }, holds: Array.isArray(value) ? value.includes(option) : value === option };
  };

  const rules: Rule[] = [];
  const setValues = new Map<string, string>();
  for (let r = 0; r < size.rules; r += 1) {
    const id = `r${r}`;
    const roll = random();
    const when = optionCondition();
    if (roll < 0.25) {
      const target = pick(choiceGroupList.filter((group) => group.code !== when.condition.group));
      const allowed = target.options.filter(() => random() < 0.4).map((option) => option.code);
      const value = reference.get(target.code);
      if (when.holds && !Array.isArray(value) && typeof value === "string" && !allowed.includes(value)) allowed.push(value);
      if (when.holds && Array.isArray(value) && value[0] && !allowed.includes(value[0])) allowed.push(value[0]);
      if (allowed.length === 0) allowed.push(target.options[0]!.code);
      if (when.holds && Array.isArray(value) && value.length === 0) continue;
      rules.push({ id, kind: "requires", message: `Rule ${r}: requires`, when: when.condition, require: { group: target.code, in: allowed } });
    } else if (roll < 0.55) {
      const other = optionCondition();
      if (other.condition.group === when.condition.group || (when.holds && other.holds)) continue;
      rules.push({ id, kind: "excludes", message: `Rule ${r}: excludes`, between: [when.condition, other.condition] });
    } else if (roll < 0.72) {
      const target = pick(choiceGroupList.filter((group) => group.code !== when.condition.group));
      const only = target.options.filter(() => random() < 0.6).map((option) => option.code);
      const value = reference.get(target.code);
      const needed = Array.isArray(value) ? value : [value as string];
      if (when.holds) for (const code of needed) if (!only.includes(code)) only.push(code);
      rules.push({ id, kind: "availability", message: `Rule ${r}: availability`, when: [when.condition], group: target.code, only });
    } else if (roll < 0.87) {
      const numeric = `n${Math.floor(random() * numericCount)}`;
      const value = reference.get(numeric) as number;
      const limit = 50 + Math.floor(random() * 101);
      const op = when.holds ? (value <= limit ? "<=" : ">=") : pick(["<=", ">="] as const);
      rules.push({ id, kind: "numeric", message: `Rule ${r}: numeric`, when: [when.condition], group: numeric, op, value: limit });
    } else {
      const target = pick(groups.filter((group) => group.kind === "single" && group.code !== when.condition.group));
      if (target.kind !== "single") continue;
      // Authors mostly set a group to one value; one set rule in ten disagrees with an earlier one.
      const earlier = setValues.get(target.code);
      const value = when.holds ? (reference.get(target.code) as string) : earlier && random() < 0.9 ? earlier : pick(target.options).code;
      if (!earlier) setValues.set(target.code, value);
      rules.push({ id, kind: "set", message: `Rule ${r}: sets`, when: [when.condition], group: target.code, value });
    }
  }
  // Rejected draws leave gaps; top up with always-safe excludes between non-reference options.
  for (let r = size.rules; rules.length < size.rules; r += 1) {
    const first = optionCondition();
    const second = optionCondition();
    if (first.condition.group === second.condition.group || (first.holds && second.holds)) continue;
    rules.push({ id: `r${r}`, kind: "excludes", message: `Rule ${r}: excludes`, between: [first.condition, second.condition] });
  }

  const input: ProductDefinitionInput = {
    id: `bench-${seed}`,
    slug: "benchmark-product",
    name: "Benchmark product",
    version: 1,
    productType: "generic",
    currency: "EUR",
    basePrice: 100_000,
    groups,
    rules,
    priceRules: [
      { id: "size-per-cm", kind: "per-unit", label: "Size", group: "n0", above: 100, amount: 250 },
      { id: "text-fee", kind: "surcharge", label: "Text", when: [{ group: "t0", filled: true }], amount: 1_500 },
      { id: "premium", kind: "percentage", label: "Premium", when: [{ group: "g0", is: "o0" }], percent: 10 },
      { id: "volume", kind: "quantity-break", label: "Volume", breaks: [{ minQuantity: 10, percentOff: 5 }] },
    ],
    bom: choiceGroupList.slice(0, 20).flatMap((group) =>
      group.options.slice(0, 3).map((option) => ({
        partNumber: `P-${group.code.toUpperCase()}-${option.code.toUpperCase()}`,
        quantity: 1,
        when: { group: group.code, is: option.code },
        scaleBy: { group: "n1", factor: 0.01, roundUpTo: 0.1 },
      })),
    ),
    routing: {
      capabilities: ["assembly"],
      minutesPerUnit: 60,
      familyGroup: "g0",
      extras: [{ when: { group: "t0", filled: true }, minutes: 5, capabilities: ["engraving"] }],
    },
  };
  return defineProduct(input);
}
