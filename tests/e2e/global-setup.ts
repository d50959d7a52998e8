// Starts a Hindsight server on a fresh database (or uses HINDSIGHT_E2E_BASE_URL + HINDSIGHT_E2E_API_KEY,
// for a server you already run locally), seeds it through the OTLP exporter, and hands the address and
// ids to the tests through environment variables (inherited by the worker processes).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { signIn } from "../support/sign-in";
import { seedAnalyticsData } from "./analytics-seed";
import { assertLocalTarget } from "./otlp-seed";
import { seedExplorerData } from "./seed-data";

export const STORAGE_STATE = path.join("test-results", "e2e-auth", "admin.json");

export default async function globalSetup(): Promise<() => Promise<void>> {
  const external = process.env.HINDSIGHT_E2E_EXTERNAL ?? process.env.HINDSIGHT_E2E_BASE_URL;
  if (external) process.env.HINDSIGHT_E2E_EXTERNAL = external;
  // Imported only when needed: building and starting a server is skipped when one is given.
  const server = external
    ? null
    : await (await import("../support/hindsight-server")).startHindsight({ database: "sqlite", env: { HINDSIGHT_EVAL_SETTLE_SECONDS: "1" } });
  const baseUrl = server?.baseUrl ?? external!;
  const apiKey = server?.apiKey ?? process.env.HINDSIGHT_E2E_API_KEY ?? "";
  assertLocalTarget(baseUrl);
  try {
    // Every test runs signed in as the instance admin unless it says otherwise (storageState).
    const admin = server?.admin ?? { email: process.env.HINDSIGHT_E2E_ADMIN_EMAIL ?? "", password: process.env.HINDSIGHT_E2E_ADMIN_PASSWORD ?? "" };
    writeStorageState(baseUrl, await signIn(baseUrl, admin.email, admin.password));
    process.env.HINDSIGHT_E2E_ADMIN = JSON.stringify(admin);
    // Tests that need a viewer or member seed them into this database (tests/support/seed-users.ts).
    if (server) process.env.HINDSIGHT_E2E_DATABASE_URL = server.databaseUrl;
    const seeded = await seedExplorerData({ baseUrl, apiKey });
    process.env.HINDSIGHT_E2E_ANALYTICS_SEED = JSON.stringify(await seedAnalyticsData({ baseUrl, apiKey }));
    process.env.HINDSIGHT_E2E_BASE_URL = baseUrl;
    process.env.HINDSIGHT_E2E_API_KEY = apiKey;
    process.env.HINDSIGHT_E2E_SEED = JSON.stringify(seeded);
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return async () => {
    await server?.stop();
  };
}

/** Playwright's storage state with the session cookie (playwright.config.ts loads it into every context). */
function writeStorageState(baseUrl: string, cookieHeader: string): void {
  const { hostname } = new URL(baseUrl);
  const cookies = cookieHeader.split("; ").map((pair) => {
    const [name, ...value] = pair.split("=");
    return { name: name!, value: value.join("="), domain: hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const };
  });
  mkdirSync(path.dirname(STORAGE_STATE), { recursive: true });
  writeFileSync(STORAGE_STATE, JSON.stringify({ cookies, origins: [] }));
}
