// Bundles the server's worker threads (the OTLP normalise workers, the SQLite writer, the findings job) into dist/ with
// esbuild. Next.js bundles routes, not worker entry points, so a worker must be a file Node can load by itself: our
// TypeScript with its `@/` imports bundled in, npm packages left to node_modules (protobufjs must stay
// the installed CommonJS module, which finds `long` for 64-bit timestamps).
import path from "node:path";
import { buildSync } from "esbuild";
import { NORMALISE_WORKER_FILE } from "../../lib/receiver/normalise-pool";
import { STORE_WORKER_FILE } from "../../lib/receiver/store-thread";
import { FINDINGS_WORKER_FILE } from "../../lib/jobs/findings/worker-file";

export const WORKER_BUNDLES = [
  { entry: "lib/receiver/normalise-worker.ts", outfile: NORMALISE_WORKER_FILE },
  { entry: "lib/data/ingest/writer-thread.ts", outfile: STORE_WORKER_FILE },
  { entry: "lib/jobs/findings/findings-thread.ts", outfile: FINDINGS_WORKER_FILE },
];

/** Writes the bundles under `root` (the project; tests use a folder inside it, so node_modules resolves). */
export function buildWorkers(root = "."): void {
  for (const { entry, outfile } of WORKER_BUNDLES) {
    buildSync({
      entryPoints: [entry],
      outfile: path.join(root, outfile),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      tsconfig: "tsconfig.json",
      alias: { "server-only": "./lib/workers/server-only-stub.ts" },
      sourcemap: "linked",
      logLevel: "error",
    });
  }
}
