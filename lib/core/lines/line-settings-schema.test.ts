import { describe, expect, it } from "vitest";
import { CreateLineSchema, LineSettingsSchema, splitCapabilities, UpdateLineSettingsSchema } from "./line-settings-schema";
import { canonicalTimeZone, timeZoneChoices } from "./time-zone";

const valid = { code: "NK-F9", name: "Fridge line 9", capabilities: ["sheet-metal", "foaming"], speed: 1.25, timeZone: "Europe/Stockholm" };
const pathsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [];

describe("line settings", () => {
  it("accepts a line and canonicalizes its zone", () => {
    expect(LineSettingsSchema.parse({ ...valid, timeZone: "europe/stockholm", code: " NK-F9 " })).toEqual({ ...valid, timeZone: "Europe/Stockholm" });
  });

  it("names every bad field: code, capabilities, speed, zone", () => {
    const result = LineSettingsSchema.safeParse({ code: "NK F9", name: "", capabilities: ["Sheet Metal", "foaming", "foaming"], speed: -1, timeZone: "Mars/Olympus" });
    expect(pathsOf(result).map(([path]) => path)).toEqual(["code", "name", "capabilities.0", "capabilities", "speed", "timeZone"]);
    expect(pathsOf(result)).toContainEqual(["speed", "Speed must be more than 0."]);
    expect(pathsOf(result)).toContainEqual(["timeZone", '"Mars/Olympus" is not an IANA time zone (for example Europe/Stockholm).']);
  });

  it("refuses a zero speed, more than three decimals, and repeated capabilities", () => {
    expect(pathsOf(LineSettingsSchema.safeParse({ ...valid, speed: 0 }))).toEqual([["speed", "Speed must be more than 0."]]);
    expect(pathsOf(LineSettingsSchema.safeParse({ ...valid, speed: 1.2345 }))).toEqual([["speed", "At most three decimals."]]);
    expect(pathsOf(LineSettingsSchema.safeParse({ ...valid, capabilities: ["foaming", "foaming"] }))).toEqual([["capabilities", "List each capability once."]]);
  });

  it("requires the version on update and allows a shift template on create", () => {
    expect(pathsOf(UpdateLineSettingsSchema.safeParse(valid))).toEqual([["version", "Send the version you edited."]]);
    expect(CreateLineSchema.parse({ ...valid, copyShiftsFrom: "0193a0b2-line" }).copyShiftsFrom).toBe("0193a0b2-line");
  });

  it("splits a typed capability list", () => {
    expect(splitCapabilities(" sheet-metal, foaming  electronics,,")).toEqual(["sheet-metal", "foaming", "electronics"]);
  });
});

describe("time zones", () => {
  it("knows IANA zones and refuses offsets and inventions", () => {
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(canonicalTimeZone("europe/stockholm")).toBe("Europe/Stockholm");
    // An alias the platform accepts stays as written (ICU would turn Kyiv back into Kiev).
    expect(canonicalTimeZone("Europe/Kyiv")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("+01:00")).toBeNull();
    expect(canonicalTimeZone("Europe/Atlantis")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });

  it("offers UTC first, then every zone once", () => {
    const choices = timeZoneChoices();
    expect(choices[0]).toBe("UTC");
    expect(choices).toContain("Europe/Rome");
    expect(new Set(choices).size).toBe(choices.length);
  });
});
