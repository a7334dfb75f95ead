import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The domain core must stay pure: no framework, database, socket or Node imports.
const frameworkImports = {
  patterns: [
    { group: ["next", "next/*"], message: "lib/core is framework-free (see docs/decisions/0001)." },
    { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/core is framework-free." },
    { group: ["@prisma/*", "prisma", "*/generated/prisma/*"], message: "lib/core does not touch the database." },
    { group: ["socket.io", "socket.io-client", "socket.io/*"], message: "lib/core does no I/O." },
    { group: ["node:*"], message: "lib/core does no I/O: no Node built-ins." },
    { group: ["@/lib/server/*", "@/app/*", "@/components/*", "**/lib/server/*"], message: "lib/core may import only lib/core." },
  ],
  paths: ["fs", "path", "os", "crypto", "child_process", "worker_threads", "http", "net", "pino"].map((name) => ({
    name,
    message: "lib/core does no I/O: no Node built-ins.",
  })),
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", ".test-data/**", "generated/**", "next-env.d.ts", "test-results/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/core/**/*.ts", "lib/core/**/*.tsx"],
    ignores: ["lib/core/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", frameworkImports] },
  },
  {
    // Components run in the browser: they may use the core but never the server edge.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/server/*", "**/lib/server/*"], message: "components may not import lib/server." }] },
      ],
    },
  },
];

export default config;
