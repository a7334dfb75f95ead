/** `npm run db:seed` — the demo data (idempotent). Migrate first: `npm run db:migrate`. */
import { disconnectDatabase } from "@/lib/server/db";
import { printDemoSignIns } from "./seed/print-demo-sign-ins";
import { seedDemoData } from "./seed/seed-demo-data";

seedDemoData()
  .then(async (summary) => {
    console.log(`Seeded: ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(", ")}`);
    printDemoSignIns(Number(process.env.PORT ?? 3000));
    await disconnectDatabase();
  })
  .catch(async (error) => {
    console.error("Seeding failed:", error);
    await disconnectDatabase();
    process.exit(1);
  });
