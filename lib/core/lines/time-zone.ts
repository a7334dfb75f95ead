import { z } from "zod";

// Letters first, then IANA's characters: "America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC".
// Offsets such as "+01:00" are refused: they do not follow daylight saving, a factory's clock does.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

let known: Map<string, string> | undefined;

/** The platform's zones by lower-cased name (built once). */
function knownZones(): Map<string, string> {
  known ??= new Map(timeZoneChoices().map((zone) => [zone.toLowerCase(), zone]));
  return known;
}

/**
 * The spelling of an IANA time zone as this platform's Intl data lists it
 * ("europe/stockholm" → "Europe/Stockholm"), a name it accepts as an alias as written
 * ("Europe/Kyiv"), or null when it is not a zone. The browser and the server ask the same
 * question, so a zone the form accepts is one the server accepts.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!IANA_NAME.test(name)) return null;
  const listed = knownZones().get(name.toLowerCase());
  if (listed) return listed;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

export const TimeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "Time zone names are at most 64 characters.")
  .transform((name, context) => {
    const canonical = canonicalTimeZone(name);
    if (canonical === null) {
      context.addIssue({ code: "custom", message: `"${name}" is not an IANA time zone (for example Europe/Stockholm).` });
      return z.NEVER;
    }
    return canonical;
  });

/** Every zone this platform knows, for a picker: UTC first. */
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}
