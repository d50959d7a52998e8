// Starts a Hindsight server on a fresh database (or uses HINDSIGHT_E2E_BASE_URL + HINDSIGHT_E2E_API_KEY,
// for a server you already run locally), seeds it through the OTLP exporter, and hands the address and
// ids to the tests through environment variables (inherited by the worker processes).
import { seedAnalyticsData } from "./analytics-seed";
import { assertLocalTarget } from "./otlp-seed";
import { seedExplorerData } from "./seed-data";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const external = process.env.HINDSIGHT_E2E_EXTERNAL ?? process.env.HINDSIGHT_E2E_BASE_URL;
  if (external) process.env.HINDSIGHT_E2E_EXTERNAL = external;
  // Imported only when needed: building and starting a server is skipped when one is given.
  const server = external ? null : await (await import("../support/hindsight-server")).startHindsight({ database: "sqlite" });
  const baseUrl = server?.baseUrl ?? external!;
  const apiKey = server?.apiKey ?? process.env.HINDSIGHT_E2E_API_KEY ?? "";
  assertLocalTarget(baseUrl);
  try {
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
