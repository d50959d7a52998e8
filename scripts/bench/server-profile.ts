// Optional V8 profile of the server while it ingests (--server-cpu-prof DIR): the server is started
// with cpu-prof-hook.mjs preloaded, and SIGUSR2 before and after sending cuts out the sending phase.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

const HOOK = path.resolve(import.meta.dirname, "cpu-prof-hook.mjs");

/** Extra server environment that preloads the profiler hook. */
export function profilerEnv(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${HOOK}`.trim(), HINDSIGHT_BENCH_CPU_PROF_DIR: path.resolve(dir) };
}

/** Asks the server for a snapshot and waits (≤ 15 s) until its file exists; returns its path. */
export async function snapshot(dir: string, pid: number, n: number): Promise<string | null> {
  const file = path.join(path.resolve(dir), `server-${pid}-${n}.cpuprofile`);
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (existsSync(file)) return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
