import { describe, expect, it } from "vitest";
import { exampleCatalog } from "./examples";
import { defineProduct, ProductDefinitionSchema, type ProductDefinitionInput } from "./product-definition";
import { smallFridge } from "./test-fixtures/small-fridge";

function withChanges(change: (input: ProductDefinitionInput) => void): ProductDefinitionInput {
  const input = structuredClone(smallFridge()) as ProductDefinitionInput;
  change(input);
  return input;
}

function issuesOf(input: unknown): string[] {
  const result = ProductDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("ProductDefinitionSchema", () => {
  it("accepts every example product and survives a JSON round trip unchanged", () => {
    for (const { product } of exampleCatalog) {
      const stored = JSON.parse(JSON.stringify(product));
      expect(ProductDefinitionSchema.parse(stored)).toEqual(product);
    }
  });

  it("fills authoring defaults so stored documents are complete", () => {
    const product = smallFridge();
    const extras = product.groups.find((group) => group.code === "extras");
    expect(extras).toMatchObject({ required: false, minPicks: 0, maxPicks: 2 });
    expect(product.schemaVersion).toBe(1);
  });

  it("names the path of a rule that refers to an unknown group or option", () => {
    const input = withChanges((product) => {
      product.rules = [
        { id: "r1", kind: "excludes", message: "m", between: [{ group: "colour", is: "white" }, { group: "door", is: "round" }] },
      ];
    });
    expect(issuesOf(input)).toEqual([
      'rules.0.between.0.group: unknown group "colour"',
      'rules.0.between.1: group "door" has no option "round"',
    ]);
  });

  it("rejects duplicate codes, two single defaults, an off-grid numeric default and a bad set value", () => {
    const input = withChanges((product) => {
      const [color, door, width] = product.groups;
      if (color?.kind !== "single" || door?.kind !== "single" || width?.kind !== "numeric") throw new Error("fixture changed");
      color.options.push({ code: "white", label: "Again" });
      door.options[1]!.default = true;
      width.default = 75;
      product.rules = [{ id: "s", kind: "set", message: "m", when: [{ group: "door", is: "glass" }], group: "width", value: 65 }];
    });
    expect(issuesOf(input)).toEqual([
      'groups.0.options.3.code: duplicate option code "white"',
      "groups.1.options: a single-choice group has at most one default",
      "groups.2.default: default must be in steps of 10 cm from 60",
      "rules.0.value: must be in steps of 10 cm from 60",
    ]);
  });

  it("rejects codes that are not lowercase kebab-case and prices that are not integers", () => {
    const input = withChanges((product) => {
      product.slug = "Test Fridge";
      product.basePrice = 12.5;
    });
    expect(issuesOf(input).map((issue) => issue.split(":")[0])).toEqual(["slug", "basePrice"]);
  });

  it("defineProduct throws with the product's slug and the path of the mistake", () => {
    const input = withChanges((product) => {
      product.routing = { capabilities: ["assembly"], minutesPerUnit: 10, familyGroup: "width" };
    });
    expect(() => defineProduct(input)).toThrow(/test-fridge[\s\S]*routing\.familyGroup/);
  });
});
