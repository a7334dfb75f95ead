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
  // Security headers on every answer (docs/decisions/0009); the per-request CSP with its nonce
  // is set by proxy.ts. HSTS only in production builds: a development server speaks plain HTTP.
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

export default nextConfig;
