import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigurationSchema, decodeConfiguration, encodeConfiguration } from "./configuration";
import { madeToMeasureShirt } from "./examples";
import { smallFridge } from "./test-fixtures/small-fridge";

const product = smallFridge();

describe("ConfigurationSchema", () => {
  it("accepts codes mapped to an option, options, a number or text — and keeps key order", () => {
    const parsed = ConfigurationSchema.parse({ door: "glass", extras: ["ice"], width: 80, engraving: "AB" });
    expect(Object.keys(parsed)).toEqual(["door", "extras", "width", "engraving"]);
  });

  it("rejects other shapes, keys that are not codes, and oversized input", () => {
    expect(ConfigurationSchema.safeParse({ door: { is: "glass" } }).success).toBe(false);
    expect(ConfigurationSchema.safeParse({ door: null }).success).toBe(false);
    expect(ConfigurationSchema.safeParse({ "Door Style": "glass" }).success).toBe(false);
    expect(ConfigurationSchema.safeParse({ width: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(ConfigurationSchema.safeParse({ engraving: "x".repeat(501) }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`g${i}`, 1]));
    expect(ConfigurationSchema.safeParse(many).success).toBe(false);
  });
});

describe("configuration links", () => {
  it("encodes compactly with URL-unreserved characters only", () => {
    const encoded = encodeConfiguration(product, { door: "glass", width: 80, extras: ["ice", "wifi"], engraving: "AB Z" });
    expect(encoded).toBe("door.glass~width.80~extras.ice.wifi~engraving.QUIgWg");
    expect(encoded).toMatch(/^[A-Za-z0-9._~-]*$/);
  });

  it("round-trips any valid configuration, order included", () => {
    const shirt = madeToMeasureShirt;
    const arbitraryConfiguration = fc.record(
      {
        monogram: fc.stringMatching(/^[A-Z.]{0,3}$/),
        "sleeve-length": fc.integer({ min: 0, max: 32 }).map((steps) => 56 + steps * 0.5),
        collar: fc.constantFrom("spread", "button-down", "cutaway", "mandarin"),
        extras: fc.subarray(["cufflinks", "collar-stays", "gift-box"]),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arbitraryConfiguration, (configuration) => {
        const decoded = decodeConfiguration(shirt, encodeConfiguration(shirt, configuration));
        expect(decoded.dropped).toEqual([]);
        expect(decoded.configuration).toEqual(configuration);
        expect(Object.keys(decoded.configuration)).toEqual(Object.keys(configuration));
      }),
    );
  });

  it("keeps what it can and says what it dropped and why", () => {
    const decoded = decodeConfiguration(product, "door.glass~size.9~extras.ice.teleporter~width.85~width.80~engraving.PGI-~color.purple~junk~water.tank");
    // width.85 is off the 10 cm grid and dropped, so the later width.80 is the width.
    expect(decoded.configuration).toEqual({ door: "glass", extras: ["ice"], width: 80, water: "tank" });
    expect(decoded.dropped.map((entry) => [entry.group, entry.reason])).toEqual([
      [null, "UNKNOWN_GROUP"],
      ["extras", "UNKNOWN_OPTION"],
      ["width", "INVALID_VALUE"],
      ["engraving", "INVALID_VALUE"],
      ["color", "UNKNOWN_OPTION"],
      [null, "MALFORMED"],
    ]);
    expect(decoded.dropped[2]?.message).toBe("Width must be in steps of 10 cm from 60");
  });

  it("refuses text that is not valid base64url UTF-8, and oversized links", () => {
    expect(decodeConfiguration(product, "engraving.%3Cb%3E").dropped[0]?.reason).toBe("MALFORMED");
    expect(decodeConfiguration(product, "engraving.wyg").dropped[0]?.reason).toBe("MALFORMED");
    expect(decodeConfiguration(product, "door.glass~".repeat(500)).dropped).toEqual([
      expect.objectContaining({ reason: "TOO_LONG" }),
    ]);
  });

  it("drops the second mention of a group", () => {
    const decoded = decodeConfiguration(product, "door.glass~door.french");
    expect(decoded.configuration).toEqual({ door: "glass" });
    expect(decoded.dropped).toEqual([expect.objectContaining({ group: "door", reason: "DUPLICATE_GROUP" })]);
  });
});
