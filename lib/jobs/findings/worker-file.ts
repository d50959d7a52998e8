// Where scripts/lib/build-workers.ts writes the findings thread's bundle, relative to the project root
// (its own module: the build script must not load the job's server-only code).
import path from "node:path";

export const FINDINGS_WORKER_FILE = path.join("dist", "findings-worker.mjs");
