// `npm run bench:trace`: how long opening one very long trace takes, and whether it grows linearly with
// its span count. Starts a production server on a fresh database, seeds one long-running agent trace per
// size (scripts/bench/long-trace.ts: turns of sub-agents under one root) as OTLP/protobuf bodies of 1,000
// spans through the real ingest, waits for the findings job to settle, then times GET /api/v1/traces/{id}
// (every span in full), the trace page's server answer, and the page becoming interactive in Chromium.
//
//   npm run bench:trace                                  20,000- and 40,000-span traces on SQLite
//   npm run bench:trace -- --spans 10000,20000 --runs 5  other sizes, more runs (medians are printed)
//   npm run bench:trace -- --database postgres           on PostgreSQL (local test role)
//   npm run bench:trace -- --cpu-prof .bench-prof        also a server CPU profile of each size's reads
import { parseArgs } from "node:util";
import { startHindsight, type Database } from "../tests/support/hindsight-server";
import { signIn } from "../tests/support/sign-in";
import { waitForFindings } from "./bench/findings-drain";
import { buildLongTrace } from "./bench/long-trace";
import { findServerPid } from "./bench/rss";
import { post, retryAfterMs, type Target } from "./bench/send";
import { profilerEnv, snapshot } from "./bench/server-profile";
import { openTracePage } from "./bench/trace-page-timing";

const { values } = parseArgs({
  options: {
    spans: { type: "string", default: "20000,40000" },
    runs: { type: "string", default: "3" },
    database: { type: "string", default: "sqlite" },
    "cpu-prof": { type: "string" },
  },
});

const SPANS_PER_BODY = 1000;
const sizes = values.spans.split(",").map(Number);
const runs = Number(values.runs);
const database = values.database as Database;
if (sizes.some((n) => !Number.isInteger(n) || n < SPANS_PER_BODY) || !(runs >= 1) || !["sqlite", "postgres"].includes(database)) {
  console.error("usage: npm run bench:trace -- [--spans 20000,40000] [--runs 3] [--database sqlite|postgres] [--cpu-prof DIR]");
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => (Number.isNaN(ms) ? "failed" : `${ms.toFixed(0)} ms`);
const load = async () => (await import("node:fs")).readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** Request to last byte, `runs` times after one untimed warm-up; `check` sees each answer's body. */
async function timeGet(url: string, headers: Record<string, string>, check: (body: string) => void): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
    check(body);
    if (i > 0) times.push(performance.now() - t0);
  }
  return times;
}

/** Sends the trace's bodies one after another (429/503 are sat out, as an exporter would); its trace id. */
async function seedLongTrace(target: Target, spans: number): Promise<{ traceId: string; spans: number }> {
  const trace = buildLongTrace(Math.ceil(spans / SPANS_PER_BODY), SPANS_PER_BODY, spans);
  for (const body of trace.bodies)
    for (let attempt = 1; ; attempt++) {
      const answer = await post(target, body);
      if (answer.status === 200) break;
      if ((answer.status !== 429 && answer.status !== 503) || attempt === 50) throw new Error(`POST /v1/traces answered ${answer.status}`);
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(answer.retryAfter)));
    }
  return { traceId: trace.traceId, spans: trace.spans };
}

type Row = { spans: number; api: number[]; apiBytes: number; page: number[]; interactive: number[] };

async function main(): Promise<void> {
  const profileDir = values["cpu-prof"];
  const server = await startHindsight({ database, env: profileDir ? profilerEnv(profileDir) : {} });
  const interrupted = () => void server.stop().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  const rows: Row[] = [];
  try {
    const serverPid = findServerPid(server.pid);
    const target = { baseUrl: server.baseUrl, apiKey: server.apiKey };
    const auth = { authorization: `Bearer ${server.apiKey}` };
    const cookie = await signIn(server.baseUrl, server.admin.email, server.admin.password);
    let snapshots = 0;
    for (const size of sizes) {
      let t0 = performance.now();
      const { traceId, spans } = await seedLongTrace(target, size);
      console.log(`[bench:trace] ${database}: seeded a ${spans.toLocaleString("en-US")}-span trace in ${fmt(performance.now() - t0)}`);
      t0 = performance.now();
      const settled = await waitForFindings(server.databaseUrl);
      console.log(`[bench:trace] findings settled ${settled === null ? "(gave up waiting)" : `after ${fmt(performance.now() - t0)}`}`);
      if (profileDir) await snapshot(profileDir, serverPid, ++snapshots); // drops seeding from the next profile
      let apiBytes = 0;
      const api = await timeGet(`${server.baseUrl}/api/v1/traces/${traceId}`, auth, (body) => {
        const detail = JSON.parse(body) as { spans: unknown[] };
        if (detail.spans.length !== spans) throw new Error(`the API returned ${detail.spans.length} spans of ${spans}`);
        apiBytes = body.length;
      });
      const pageUrl = `${server.baseUrl}/projects/default/traces/${traceId}`;
      const page = await timeGet(pageUrl, { cookie }, (html) => {
        if (!html.includes('data-testid="trace-explorer"')) throw new Error("the trace page did not render the explorer");
      });
      const interactive = await openTracePage(pageUrl, cookie, runs);
      if (profileDir) console.log(`[bench:trace] server profile of the reads: ${await snapshot(profileDir, serverPid, ++snapshots)}`);
      rows.push({ spans, api, apiBytes, page, interactive });
      console.log(`[bench:trace] ${spans}: api ${api.map(fmt).join(", ")}; page ${page.map(fmt).join(", ")}; interactive ${interactive.map(fmt).join(", ")}`);
    }
  } catch (error) {
    console.error(`[bench:trace] server output (tail):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await server.stop();
  }
  console.log(`\nOpening one long trace on ${database} (median of ${runs}, request to last byte; load average ${await load()}):`);
  console.log("  spans      GET /api/v1/traces/{id}    trace page (HTML)    page interactive (Chromium)");
  for (const row of rows)
    console.log(
      `  ${row.spans.toLocaleString("en-US").padEnd(10)} ${fmt(median(row.api)).padEnd(9)} (${(row.apiBytes / 1e6).toFixed(1)} MB)       ${fmt(median(row.page)).padEnd(20)} ${fmt(median(row.interactive))}`,
    );
  const [first, last] = [rows[0], rows.at(-1)];
  if (first && last && last !== first) {
    const ratio = (pick: (r: Row) => number[]) => (median(pick(last)) / median(pick(first))).toFixed(2);
    console.log(
      `  ${last.spans}/${first.spans} spans = ${(last.spans / first.spans).toFixed(1)}×: API ${ratio((r) => r.api)}×, page ${ratio((r) => r.page)}×, interactive ${ratio((r) => r.interactive)}×`,
    );
  }
  console.log("  targets for 20,000 spans: API < 2000 ms, page interactive < 3000 ms; linear growth");
}

main().catch((error: unknown) => {
  console.error(`[bench:trace] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
