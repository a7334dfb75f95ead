import type { DemoOrganizationSlug } from "./demo-organizations";

/** Weekly shifts in the line's local time: weekday 0 = Monday, minutes from local midnight. */
type Shift = { weekday: number; startMinute: number; endMinute: number; name: string };

const weekdays = [0, 1, 2, 3, 4];
const twoShifts: Shift[] = weekdays.flatMap((weekday) => [
  { weekday, startMinute: 6 * 60, endMinute: 14 * 60, name: "early" },
  { weekday, startMinute: 14 * 60, endMinute: 22 * 60, name: "late" },
]);
const dayShift: Shift[] = weekdays.map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60, name: "day" }));
const saturdayMorning: Shift = { weekday: 5, startMinute: 8 * 60, endMinute: 13 * 60, name: "saturday" };

export type DemoLine = {
  manufacturer: DemoOrganizationSlug;
  code: string;
  name: string;
  capabilities: string[];
  speed: number;
  timeZone: string;
  initialFamily: string | null;
  shifts: Shift[];
  /** Holidays and maintenance, in UTC. */
  exceptions: Array<{ kind: "holiday" | "maintenance"; start: string; end: string; note: string }>;
};

const swedishHolidays = [
  { kind: "holiday" as const, start: "2026-12-24T00:00:00Z", end: "2026-12-27T00:00:00Z", note: "Christmas" },
  { kind: "holiday" as const, start: "2026-12-31T00:00:00Z", end: "2027-01-02T00:00:00Z", note: "New Year" },
];
const italianHolidays = [
  { kind: "holiday" as const, start: "2026-12-08T00:00:00Z", end: "2026-12-09T00:00:00Z", note: "Immacolata" },
  { kind: "holiday" as const, start: "2026-12-25T00:00:00Z", end: "2026-12-27T00:00:00Z", note: "Natale" },
];

export const DEMO_LINES: DemoLine[] = [
  {
    manufacturer: "nordkyl", code: "NK-F1", name: "Fridge line 1", speed: 1, timeZone: "Europe/Stockholm", initialFamily: "fridge-steel",
    capabilities: ["sheet-metal", "foaming", "refrigeration-assembly", "electronics"], shifts: twoShifts, exceptions: swedishHolidays,
  },
  {
    manufacturer: "nordkyl", code: "NK-F2", name: "Fridge line 2 (premium)", speed: 1.25, timeZone: "Europe/Stockholm", initialFamily: "fridge-glass",
    capabilities: ["sheet-metal", "foaming", "refrigeration-assembly", "electronics", "glass-handling", "laser-engraving"], shifts: twoShifts,
    exceptions: [...swedishHolidays, { kind: "maintenance", start: "2026-12-05T06:00:00Z", end: "2026-12-05T14:00:00Z", note: "Foam head overhaul" }],
  },
  {
    manufacturer: "nordkyl", code: "NK-W1", name: "Washer line 1", speed: 1, timeZone: "Europe/Stockholm", initialFamily: null,
    capabilities: ["sheet-metal", "drum-assembly", "electrical-test"], shifts: twoShifts, exceptions: swedishHolidays,
  },
  {
    manufacturer: "nordkyl", code: "NK-W2", name: "Washer line 2", speed: 0.8, timeZone: "Europe/Stockholm", initialFamily: null,
    capabilities: ["sheet-metal", "drum-assembly", "electrical-test", "steam-module", "laser-engraving"], shifts: [...dayShift, saturdayMorning], exceptions: swedishHolidays,
  },
  {
    manufacturer: "nordkyl", code: "NK-X1", name: "Flex cell", speed: 0.75, timeZone: "Europe/Stockholm", initialFamily: null,
    capabilities: ["sheet-metal", "foaming", "refrigeration-assembly", "electronics", "glass-handling", "laser-engraving", "drum-assembly", "electrical-test", "steam-module"], shifts: dayShift,
    exceptions: swedishHolidays,
  },
  {
    manufacturer: "sartoria", code: "SA-S1", name: "Shirt cell 1", speed: 1, timeZone: "Europe/Rome", initialFamily: null,
    capabilities: ["cutting", "sewing"], shifts: dayShift, exceptions: italianHolidays,
  },
  {
    manufacturer: "sartoria", code: "SA-S2", name: "Shirt cell 2 (monogram)", speed: 1.2, timeZone: "Europe/Rome", initialFamily: null,
    capabilities: ["cutting", "sewing", "embroidery"], shifts: dayShift, exceptions: italianHolidays,
  },
  {
    manufacturer: "sartoria", code: "SA-T1", name: "Tailoring bench (trousers)", speed: 1, timeZone: "Europe/Rome", initialFamily: null,
    capabilities: ["cutting", "sewing", "pressing", "embroidery"], shifts: [...dayShift, saturdayMorning], exceptions: italianHolidays,
  },
];
