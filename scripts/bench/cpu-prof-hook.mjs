// Loaded into the server through NODE_OPTIONS=--import (Node 20 refuses --cpu-prof there): in the
// `next start` process only, starts V8's sampling profiler and writes a .cpuprofile into
// $HINDSIGHT_BENCH_CPU_PROF_DIR each time the process gets SIGUSR2 (server-<pid>-<n>.cpuprofile; then
// sampling restarts), so one signal before sending and one after give a profile of just the sending
// phase. Other processes that inherit NODE_OPTIONS (the start script, Prisma's CLI) are left alone.
import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.HINDSIGHT_BENCH_CPU_PROF_DIR;
const isNextStart = /next[\\/]dist[\\/]bin[\\/]next$/.test(process.argv[1] ?? "") && process.argv.includes("start");

if (dir && isNextStart) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable", () => {
    // 500 µs keeps the overhead low while resolving the ingest path's functions.
    session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start"));
  });
  let snapshots = 0;
  process.on("SIGUSR2", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error) return console.error("[bench] profiler stop failed:", error);
      const file = path.join(dir, `server-${process.pid}-${++snapshots}.cpuprofile`);
      // Written aside and renamed, so the benchmark never reads half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(result.profile));
      renameSync(`${file}.tmp`, file);
      console.log(`[bench] wrote ${file}`);
      session.post("Profiler.start");
    });
  });
}
