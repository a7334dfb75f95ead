import type { DemoOrganizationSlug } from "./demo-organizations";

/** Every demo user signs in with this password (docs and outside tests rely on it). */
export const DEMO_PASSWORD = "tailorline";

type DemoUser = { email: string; name: string; role: "consumer" | "supplier" | "planner" | "admin"; organization: DemoOrganizationSlug | null };

/**
 * One user per role per organization. The first four are the documented demo sign-ins:
 * a consumer, the supplier serving both manufacturers, and the appliance maker's planner and admin.
 */
export const DEMO_USERS: DemoUser[] = [
  { email: "consumer@tailorline.test", name: "Clara Consumer", role: "consumer", organization: null },
  { email: "supplier@tailorline.test", name: "Sam Supplier", role: "supplier", organization: "meridian" },
  { email: "planner@tailorline.test", name: "Pia Planner", role: "planner", organization: "nordkyl" },
  { email: "admin@tailorline.test", name: "Ada Admin", role: "admin", organization: "nordkyl" },
  { email: "consumer2@tailorline.test", name: "Connor Consumer", role: "consumer", organization: null },
  { email: "planner@sartoria.tailorline.test", name: "Paolo Planner", role: "planner", organization: "sartoria" },
  { email: "admin@sartoria.tailorline.test", name: "Alba Admin", role: "admin", organization: "sartoria" },
  { email: "admin@meridian.tailorline.test", name: "Mira Meridian", role: "admin", organization: "meridian" },
  { email: "supplier@polar.tailorline.test", name: "Pekka Polar", role: "supplier", organization: "polar" },
  { email: "admin@polar.tailorline.test", name: "Paula Polar", role: "admin", organization: "polar" },
  { email: "supplier@lanificio.tailorline.test", name: "Lucia Lanificio", role: "supplier", organization: "lanificio" },
  { email: "admin@lanificio.tailorline.test", name: "Luca Lanificio", role: "admin", organization: "lanificio" },
];
