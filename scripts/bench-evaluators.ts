/**
 * `npm run bench:evaluators`: online evaluators' cost and throughput on one server (SQLite by default).
 * Sends the same-sized agent workload twice over OTLP/protobuf: first with no evaluator, then with three
 * rule evaluators active (regex, json_schema, max_cost_usd, on every trace), and prints
 *   - ingest throughput without and with the evaluators (and the loss),
 *   - how many traces per minute the evaluators scored: traces over the time from the end of the send
 *     (evaluation runs during it, a second after each trace settles) until the evaluation queue drained,
 *     counted from the start of the send: a lower bound of what they keep up with,
 *   - the evaluation backlog (traces queued) every second from the start of the send, and how long after
 *     the end of the send the queue drained (evaluators yield to a busy ingest and catch up after),
 *   - the server's CPU seconds in each send (on a shared machine: "slower" or "got less CPU").
 * Usage: npm run bench:evaluators -- [--spans N] [--database sqlite|postgres] [--senders N] [--server-cpu-prof DIR]
 * (--server-cpu-prof: V8 profiles of the server during the send with evaluators, main thread and workers;
 * read them with scripts/bench/cpuprofile-top.ts).
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { buildWorkload } from "./bench/encode";
import { cpuSecondsOf, findServerPid } from "./bench/rss";
import { sendAll, warmUp } from "./bench/send";
import { profilerEnv, snapshot } from "./bench/server-profile";
import { startHindsight, type Database as DatabaseKind } from "../tests/support/hindsight-server";

const { values } = parseArgs({
  options: { spans: { type: "string" }, database: { type: "string" }, senders: { type: "string" }, "server-cpu-prof": { type: "string" } },
});
const profileDir = values["server-cpu-prof"];
const spans = Number(values.spans ?? 60_000);
const database = (values.database ?? "sqlite") as DatabaseKind;
const senders = Number(values.senders ?? 4);

async function count(databaseUrl: string, sql: string): Promise<number> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      return Number((db.prepare(sql).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const EVALUATORS = [
  { name: "bench regex", scoreName: "bench_regex", type: "rule", rule: { kind: "regex", value: "\\b(refund|order)\\b", flags: "i" } },
  { name: "bench schema", scoreName: "bench_schema", type: "rule", rule: { kind: "json_schema", value: { type: "object", required: ["answer"] } } },
  { name: "bench cost", scoreName: "bench_cost", type: "rule", rule: { kind: "max_cost_usd", value: 0.05 } },
];

async function main(): Promise<void> {
  const batch = 512;
  const first = buildWorkload(spans, batch, 20261207);
  const second = buildWorkload(spans, batch, 20261208, 3_600_000);
  console.log(
    `workload: ${first.spans} spans in ${first.traces} traces, then ${second.spans} spans in ${second.traces} traces; ${database}, ${senders} senders`,
  );
  const server = await startHindsight({ database, env: { HINDSIGHT_EVAL_SETTLE_SECONDS: "1", ...(profileDir ? profilerEnv(profileDir) : {}) } });
  const serverPid = findServerPid(server.pid);
  const cpu = () => cpuSecondsOf(serverPid) ?? Number.NaN;
  try {
    await warmUp(server);
    let cpuBefore = cpu();
    const without = await sendAll(server, first.bodies, senders);
    console.log(
      `ingest, no evaluator:      ${Math.round(first.spans / without.wallSeconds).toLocaleString("en-US")} spans/s (${without.wallSeconds.toFixed(1)} s, server CPU ${(cpu() - cpuBefore).toFixed(1)} s)`,
    );
    for (const body of EVALUATORS) {
      // The findings job is still writing the first send's findings: a 503 (the database busy) is retried.
      let response: Response;
      for (let attempt = 1; ; attempt++) {
        response = await fetch(`${server.baseUrl}/api/v1/evaluators`, {
          method: "POST",
          headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (response.status !== 503 || attempt === 10) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      if (response.status !== 201) throw new Error(`creating an evaluator answered ${response.status}: ${await response.text()}`);
    }
    // The first send's traces settle and are no evaluator's (they were queued before any existed).
    if (profileDir) await snapshot(profileDir, serverPid, 1); // discards the first send
    cpuBefore = cpu();
    const started = performance.now();
    const backlog: number[] = [];
    let sending = true;
    const sampler = (async () => {
      for (let next = started; sending || backlog.length === 0; next += 1000) {
        backlog.push(await count(server.databaseUrl, `SELECT count(*) AS n FROM "evaluation_queue"`));
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next + 1000 - performance.now())));
      }
    })();
    const withEvaluators = await sendAll(server, second.bodies, senders);
    const sendCpu = cpu() - cpuBefore;
    sending = false;
    await sampler;
    const sentSeconds = (performance.now() - started) / 1000;
    if (profileDir) console.log(`server profile of the send: ${(await snapshot(profileDir, serverPid, 2)) ?? "not written"}`);
    console.log(
      `ingest, three evaluators:  ${Math.round(second.spans / withEvaluators.wallSeconds).toLocaleString("en-US")} spans/s (${withEvaluators.wallSeconds.toFixed(1)} s, server CPU ${sendCpu.toFixed(1)} s)`,
    );
    const loss = 1 - second.spans / withEvaluators.wallSeconds / (first.spans / without.wallSeconds);
    console.log(`ingest loss with evaluators: ${(loss * 100).toFixed(1)} % (target ≤ 5 %)`);
    // Evaluators run after the findings job analysed a trace (no_findings reads its findings): when the
    // findings queue drains is printed too, to tell the two apart.
    const deadline = Date.now() + 15 * 60_000;
    let findingsSeconds: number | null = null;
    while ((await count(server.databaseUrl, `SELECT count(*) AS n FROM "evaluation_queue"`)) > 0) {
      if (Date.now() > deadline) throw new Error("the evaluation queue did not drain within 15 minutes");
      if (findingsSeconds === null && (await count(server.databaseUrl, `SELECT count(*) AS n FROM "findings_queue"`)) === 0) {
        findingsSeconds = (performance.now() - started) / 1000;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(
      `findings queue drained ${findingsSeconds === null ? "with the evaluation queue" : `${findingsSeconds.toFixed(1)} s`} after the start of the send`,
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`evaluation backlog (traces queued) each second of the send: ${backlog.join(" ")}`);
    console.log(`evaluation queue drained ${(seconds - sentSeconds).toFixed(1)} s after the end of the send`);
    const scores = await count(server.databaseUrl, `SELECT count(*) AS n FROM "scores" WHERE "source" = 'evaluator'`);
    const perMinute = (second.traces / seconds) * 60;
    console.log(
      `evaluators: ${second.traces} traces (${scores} scores) in ${seconds.toFixed(1)} s from the start of the send = ${Math.round(perMinute).toLocaleString("en-US")} traces/min (target ≥ 5,000)`,
    );
    // On a loaded machine ingest itself may bring fewer traces a minute than the target: the figure above
    // cannot exceed what arrived, so the arrival rate is printed beside it.
    console.log(`  (traces arrived at ${Math.round((second.traces / withEvaluators.wallSeconds) * 60).toLocaleString("en-US")} traces/min during the send)`);
    // The evaluators' own pace, without ingest or findings: one rule evaluator backfilled over every trace.
    const api = { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" };
    const created = await fetch(`${server.baseUrl}/api/v1/evaluators`, {
      method: "POST",
      headers: api,
      body: JSON.stringify({ ...EVALUATORS[0], name: "bench backfill", scoreName: "bench_backfill", enabled: false }),
    });
    const { id } = (await created.json()) as { id: string };
    const backfillStarted = performance.now();
    const job = await fetch(`${server.baseUrl}/api/v1/evaluators/${id}/backfill`, {
      method: "POST",
      headers: api,
      body: JSON.stringify({ from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }),
    });
    const { total } = (await job.json()) as { total: number };
    for (;;) {
      const view = (await (await fetch(`${server.baseUrl}/api/v1/evaluators/${id}`, { headers: api })).json()) as { lastBackfill: { state: string } };
      if (view.lastBackfill.state === "done") break;
      if (Date.now() > deadline) throw new Error("the backfill did not finish within 15 minutes");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const backfillSeconds = (performance.now() - backfillStarted) / 1000;
    console.log(
      `backfill, one rule evaluator alone: ${total} traces in ${backfillSeconds.toFixed(1)} s = ${Math.round((total / backfillSeconds) * 60).toLocaleString("en-US")} traces/min`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
