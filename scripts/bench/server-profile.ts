// Optional V8 profile of the server while it ingests (--server-cpu-prof DIR): the server is started
// with cpu-prof-hook.mjs preloaded, and SIGUSR2 before and after sending cuts out the sending phase.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const HOOK = path.resolve(import.meta.dirname, "cpu-prof-hook.mjs");

/** Extra server environment that preloads the profiler hook. */
export function profilerEnv(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${HOOK}`.trim(), HINDSIGHT_BENCH_CPU_PROF_DIR: path.resolve(dir) };
}

/** Worker threads' profiles of snapshot n (server-<pid>-t<thread>-<n>.cpuprofile). */
const threadFiles = (dir: string, pid: number, n: number) =>
  readdirSync(dir).filter((name) => name.startsWith(`server-${pid}-t`) && name.endsWith(`-${n}.cpuprofile`));

/**
 * Asks the server for a snapshot and waits (≤ 15 s) until its file exists, and after the first one
 * (≤ 3 s more) for a worker thread's file (the SQLite writer starts with the first batch, so after
 * snapshot 1); returns the main thread's path.
 */
export async function snapshot(dir: string, pid: number, n: number): Promise<string | null> {
  const folder = path.resolve(dir);
  const file = path.join(folder, `server-${pid}-${n}.cpuprofile`);
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !existsSync(file)) await sleep(100);
  if (!existsSync(file)) return null;
  const threadDeadline = Date.now() + 3_000;
  while (n > 1 && Date.now() < threadDeadline && threadFiles(folder, pid, n).length === 0) await sleep(100);
  return file;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
