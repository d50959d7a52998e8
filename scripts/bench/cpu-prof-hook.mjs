// Loaded into the server through NODE_OPTIONS=--import (Node 20 refuses --cpu-prof there): in the
// `next start` process only, starts V8's sampling profiler and writes a .cpuprofile into
// $HINDSIGHT_BENCH_CPU_PROF_DIR each time the process gets SIGUSR2 (server-<pid>-<n>.cpuprofile; then
// sampling restarts), so one signal before sending and one after give a profile of just the sending
// phase. Worker threads (the SQLite writer, normalise workers) load this hook too: they are profiled
// the same way and snapshot when the main thread relays the signal (server-<pid>-t<thread>-<n>).
// Other processes that inherit NODE_OPTIONS (the start script, Prisma's CLI) are left alone.
import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { BroadcastChannel, isMainThread, threadId } from "node:worker_threads";

const dir = process.env.HINDSIGHT_BENCH_CPU_PROF_DIR;
const isNextStart = /next[\\/]dist[\\/]bin[\\/]next$/.test(process.argv[1] ?? "") && process.argv.includes("start");
// A worker's argv[1] is its file: the server's bundled workers (scripts/lib/build-workers.ts).
const isServerWorker = !isMainThread && /[\\/]dist[\\/][a-z-]+-worker\.mjs$/.test(process.argv[1] ?? "");

if (dir && (isNextStart || isServerWorker)) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable", () => {
    // 500 µs keeps the overhead low while resolving the ingest path's functions.
    session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start"));
  });
  let snapshots = 0; // the main thread's count
  // Workers number their files after the main thread's snapshot (a worker may start between two).
  const snapshot = (n) =>
    session.post("Profiler.stop", (error, result) => {
      if (error) return console.error("[bench] profiler stop failed:", error);
      const thread = isMainThread ? "" : `t${threadId}-`;
      const file = path.join(dir, `server-${process.pid}-${thread}${n}.cpuprofile`);
      // Written aside and renamed, so the benchmark never reads half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(result.profile));
      renameSync(`${file}.tmp`, file);
      console.log(`[bench] wrote ${file}`);
      session.post("Profiler.start");
    });
  const relay = new BroadcastChannel("hindsight-bench-cpu-prof");
  relay.unref();
  if (isMainThread) {
    process.on("SIGUSR2", () => {
      const n = ++snapshots;
      relay.postMessage(n);
      snapshot(n);
    });
  } else relay.onmessage = (event) => snapshot(event.data);
}
