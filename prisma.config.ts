// The Prisma CLI would download a schema engine binary, which fails offline. `generate`,
// `validate` and `format` need no engine, so point it at a no-op; migrations go through
// scripts/db-migrate.ts and the WebAssembly schema engine instead (docs/decisions/0001).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
