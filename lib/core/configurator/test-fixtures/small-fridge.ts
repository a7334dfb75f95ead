import { defineProduct, type ProductDefinition, type ProductDefinitionInput } from "../product-definition";

/**
 * A deliberately small product whose expected prices, parts and availabilities can be worked
 * out by hand in a test. Tests add the rules and price rules they are about.
 */
export function smallFridge(extra: Partial<Pick<ProductDefinitionInput, "rules" | "priceRules" | "bom" | "routing">> = {}): ProductDefinition {
  return defineProduct({
    id: "test-fridge",
    slug: "test-fridge",
    name: "Test fridge",
    version: 3,
    productType: "fridge",
    currency: "EUR",
    basePrice: 50_000,
    groups: [
      {
        code: "color",
        label: "Colour",
        kind: "single",
        required: true,
        options: [
          { code: "white", label: "White", default: true, familyVariant: "painted" },
          { code: "black", label: "Black", priceDelta: 1_000, familyVariant: "painted" },
          { code: "steel", label: "Steel", priceDelta: 2_000 },
        ],
      },
      {
        code: "door",
        label: "Door",
        kind: "single",
        required: true,
        options: [
          { code: "single", label: "Single", default: true },
          { code: "french", label: "French", priceDelta: 5_000 },
          { code: "glass", label: "Glass", priceDelta: 8_000, leadTimeDays: 4 },
        ],
      },
      { code: "width", label: "Width", kind: "numeric", required: true, min: 60, max: 120, step: 10, unit: "cm", default: 70 },
      {
        code: "extras",
        label: "Extras",
        kind: "multi",
        maxPicks: 2,
        options: [
          { code: "ice", label: "Ice maker", priceDelta: 3_000, leadTimeDays: 2 },
          { code: "wifi", label: "Wi-Fi", priceDelta: 1_500 },
          { code: "alarm", label: "Alarm", priceDelta: 500 },
        ],
      },
      {
        code: "water",
        label: "Water",
        kind: "single",
        options: [
          { code: "plumbed", label: "Plumbed", priceDelta: 700 },
          { code: "tank", label: "Tank", priceDelta: 400 },
        ],
      },
      { code: "engraving", label: "Engraving", kind: "text", maxLength: 5, allowedCharacters: "ABCXYZ ", letterCase: "upper" },
    ],
    rules: extra.rules ?? [],
    priceRules: extra.priceRules ?? [],
    bom: extra.bom ?? [],
    routing: extra.routing ?? { capabilities: ["assembly"], minutesPerUnit: 60, familyGroup: "color" },
  });
}
