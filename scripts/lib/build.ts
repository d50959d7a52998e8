// Builds the Next.js app when the sources changed since the last build, so `npm start` right after
// `npm install` (or a `git pull`) just works. The fingerprint covers every file the build reads.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildWorkers, WORKER_BUNDLES } from "./build-workers";

const ROOTS = [
  "app",
  "components",
  "lib",
  "instrumentation.ts",
  "proxy.ts",
  "prisma/schema.prisma",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const STAMP = ".next/hindsight-fingerprint";

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(entry).sort()) yield* files(path.join(entry, child));
}

/** A hash of the paths, sizes and mtimes of every build input. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const root of ROOTS)
    for (const file of files(root)) {
      const stat = statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  return hash.digest("hex");
}

const isBuilt = (fingerprint: string) =>
  existsSync(".next/BUILD_ID") && WORKER_BUNDLES.every((w) => existsSync(w.outfile)) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint;

/** Runs `next build` and bundles the workers unless the last build was made from the same sources. Returns true if it built. */
export function ensureBuilt(log: (line: string) => void = console.log): boolean {
  const fingerprint = sourceFingerprint();
  if (isBuilt(fingerprint)) return false;
  log("[hindsight] building the dashboard (first start or sources changed; about a minute)…");
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  buildWorkers();
  writeFileSync(STAMP, fingerprint);
  return true;
}
