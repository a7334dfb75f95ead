/** The demo world: two manufacturers and three suppliers, one of which serves both. */
export const DEMO_MANUFACTURERS = [
  { slug: "nordkyl", name: "Nordkyl Appliances", timeZone: "Europe/Stockholm", setupDefaultMinutes: 30, shippingDays: 3 },
  { slug: "sartoria", name: "Sartoria Su Misura", timeZone: "Europe/Rome", setupDefaultMinutes: 15, shippingDays: 2 },
] as const;

export const DEMO_SUPPLIERS = [
  { slug: "meridian", name: "Meridian Components", serves: ["nordkyl", "sartoria"] },
  { slug: "polar", name: "Polar Cooling Parts", serves: ["nordkyl"] },
  { slug: "lanificio", name: "Lanificio Tessuti", serves: ["sartoria"] },
] as const;

export type DemoOrganizationSlug = (typeof DEMO_MANUFACTURERS)[number]["slug"] | (typeof DEMO_SUPPLIERS)[number]["slug"];
