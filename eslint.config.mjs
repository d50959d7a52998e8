import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

// Import boundaries: app → components → lib, never back; instrumentation/ is a standalone SDK; components
// never touch the database or the ingest pipeline. The folder direction inside lib/ is dependency-cruiser's
// (.dependency-cruiser.cjs, `npm run lint:deps`).
const serverOnly = ["@/lib/db/*", "@/lib/data/*", "@/lib/receiver/*", "@/lib/jobs/*", "@/lib/auth/*", "@/lib/api/*", "@/lib/ingest/*", "@/prisma/*"];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-test/**",
      "dist/**",
      "instrumentation/dist/**",
      "tmp/**",
      "prisma/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // The Sql and ReadConnection interfaces are async for both databases; better-sqlite3 answers synchronously.
      "@typescript-eslint/require-await": "off",
      // Span attributes are untyped JSON: String(value) of an `unknown` is the intended conversion there.
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", { selector: "ExportAllDeclaration", message: "Use explicit named exports." }],
    },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/app/*", "@/components/*"] }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/app/*", ...serverOnly] }] },
  },
  {
    // expect.any(), expect.objectContaining() and JSON answers are `any` by design in assertions.
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Playwright fixtures receive a callback named `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["instrumentation/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/*", "../*"] }] },
  },
  // Plain JavaScript (configs, emitter scripts) has no type information to lint with.
  { files: ["**/*.mjs", "**/*.js", "**/*.cjs"], ...tseslint.configs.disableTypeChecked },
);
