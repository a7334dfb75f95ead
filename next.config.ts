import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files relative to its own package: keep it (and the
  // other native or file-reading server packages) out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
    "pino",
    "@prisma/schema-engine-wasm",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // Lint and type checks run as their own scripts (npm run lint / typecheck), not inside builds.
  // Type checks run once as `npm run typecheck` (CI and `validate`), not again inside every build.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
