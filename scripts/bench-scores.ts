/**
 * Score metrics benchmark: loads --scores OpenTelemetry evaluation results (default 1,000,000) on
 * --traces agent runs spread over the last --days days into a fresh server, through the real OTLP
 * receiver (runs as OTLP/JSON spans, evaluations as `gen_ai.evaluation.result` log records), checks that
 * GET /api/v1/metrics/scores counts every score, then prints the median response time (after a warm-up)
 * of every groupBy and bucket over the whole window. `--seed copy` (the default on PostgreSQL) stores the
 * same evaluations with COPY straight into the score and rollup tables instead (scripts/bench/score-copy-seed.ts):
 * the runs still go through the receiver.
 *
 *   npx tsx scripts/bench-scores.ts [--scores 1000000] [--traces 100000] [--days 30] [--database sqlite|postgres] [--seed otlp|copy] [--runs 7]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { startHindsight, type Database, type RunningServer } from "../tests/support/hindsight-server";
import { getJson, timeRuns } from "./bench-metrics/timing";
import { seedScoresByCopy, type BenchEvaluation } from "./bench/score-copy-seed";

const DAY = 86_400_000;
const { values } = parseArgs({
  options: {
    scores: { type: "string", default: "1000000" },
    traces: { type: "string", default: "100000" },
    days: { type: "string", default: "30" },
    database: { type: "string", default: "sqlite" },
    runs: { type: "string", default: "7" },
    seed: { type: "string" },
  },
});
const SCORES = Number(values.scores);
const TRACES = Number(values.traces);
const DAYS = Number(values.days);
const RUNS = Number(values.runs);
const TASKS = ["refund-flow", "triage", "checkout", "search", "summarise"];
const MODELS = ["gpt-4o-mini", "gpt-4o", "claude-sonnet-4"];
const NAMES = ["accuracy", "helpfulness", "tone", "valid_json"];

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
const traceIdOf = (i: number) => `be${hex(i, 30)}`;
const spanIdOf = (i: number, child: number) => `${hex(child, 2)}${hex(i, 14)}`;
const str = (v: string) => ({ stringValue: v });

async function post(server: RunningServer, path: string, body: unknown): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === 200) return;
    if ((response.status === 429 || response.status === 503) && attempt < 50) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    throw new Error(`POST ${path}: ${response.status} ${text.slice(0, 300)}`);
  }
}

const startOf = (fromMs: number, i: number) => fromMs + Math.floor(i * ((DAYS * DAY) / TRACES));

/** The k-th evaluation result: on the call span of run k mod --traces, 850 ms after the run started (plus k ns). */
function evaluationOf(fromMs: number, k: number): BenchEvaluation & { timeNs: bigint } {
  const i = k % TRACES;
  const timeNs = BigInt(startOf(fromMs, i) + 850) * 1_000_000n + BigInt(k);
  return {
    traceId: traceIdOf(i),
    spanId: spanIdOf(i, 2),
    name: NAMES[k % NAMES.length]!,
    value: ((k * 7919) % 1000) / 1000,
    timeMs: Number(timeNs / 1_000_000n),
    timeNs,
  };
}

async function loadRuns(server: RunningServer, fromMs: number): Promise<void> {
  const started = performance.now();
  for (let first = 0; first < TRACES; first += 500) {
    const spans = [];
    for (let i = first; i < Math.min(TRACES, first + 500); i++) {
      const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
      const s = startOf(fromMs, i);
      spans.push(
        {
          traceId: traceIdOf(i),
          spanId: spanIdOf(i, 1),
          name: TASKS[i % TASKS.length],
          startTimeUnixNano: ns(s),
          endTimeUnixNano: ns(s + 900),
          attributes: [
            { key: "gen_ai.operation.name", value: str("invoke_agent") },
            { key: "gen_ai.agent.name", value: str(`agent-${i % 4}`) },
          ],
        },
        {
          traceId: traceIdOf(i),
          spanId: spanIdOf(i, 2),
          parentSpanId: spanIdOf(i, 1),
          name: "chat",
          startTimeUnixNano: ns(s + 10),
          endTimeUnixNano: ns(s + 800),
          attributes: [
            { key: "gen_ai.operation.name", value: str("chat") },
            { key: "gen_ai.request.model", value: str(MODELS[i % MODELS.length]!) },
          ],
        },
      );
    }
    await post(server, "/v1/traces", {
      resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: str("bench-scores") }] }, scopeSpans: [{ spans }] }],
    });
  }
  console.log(`${server.name}: ${TRACES.toLocaleString("en-US")} runs stored in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function sendScores(server: RunningServer, fromMs: number): Promise<void> {
  const perRequest = 5000;
  const loadStarted = performance.now();
  const senders = 2;
  let next = 0;
  async function sender() {
    while (next < SCORES) {
      const first = next;
      next += perRequest;
      const logRecords = [];
      for (let k = first; k < Math.min(SCORES, first + perRequest); k++) {
        const e = evaluationOf(fromMs, k);
        logRecords.push({
          timeUnixNano: `${e.timeNs}`,
          eventName: "gen_ai.evaluation.result",
          traceId: e.traceId,
          spanId: e.spanId,
          attributes: [
            { key: "gen_ai.evaluation.name", value: str(e.name) },
            { key: "gen_ai.evaluation.score.value", value: { doubleValue: e.value } },
          ],
        });
      }
      await post(server, "/v1/logs", { resourceLogs: [{ scopeLogs: [{ scope: { name: "bench" }, logRecords }] }] });
      if ((first / perRequest) % 40 === 0) console.log(`${server.name}: ${first.toLocaleString("en-US")} scores sent`);
    }
  }
  await Promise.all(Array.from({ length: senders }, sender));
  const seconds = (performance.now() - loadStarted) / 1000;
  console.log(
    `${server.name}: ${SCORES.toLocaleString("en-US")} scores stored in ${seconds.toFixed(0)} s (${Math.round(SCORES / seconds).toLocaleString("en-US")}/s)`,
  );
}

async function bench(database: Database): Promise<void> {
  const server = await startHindsight({ database, env: { HINDSIGHT_MAX_BODY_BYTES: String(64 * 1024 * 1024) } });
  try {
    const toMs = Date.now();
    const fromMs = toMs - DAYS * DAY;
    await loadRuns(server, fromMs);
    if (SEED === "copy") {
      if (database !== "postgres") throw new Error("--seed copy is for --database postgres");
      const started = performance.now();
      await seedScoresByCopy(server.databaseUrl, "default", SCORES, (k) => evaluationOf(fromMs, k));
      console.log(`${database}: ${SCORES.toLocaleString("en-US")} scores and their rollups copied in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } else await sendScores(server, fromMs);
    const window = `from=${new Date(fromMs - DAY).toISOString()}&to=${new Date(toMs + DAY).toISOString()}`;
    const total = (await getJson(server, `/api/v1/metrics/scores?${window}&bucket=1d&groupBy=name`)).data.reduce((a, p) => a + (p.count ?? 0), 0);
    if (total !== SCORES) throw new Error(`score metrics count ${total} scores, ${SCORES} were sent`);
    // Every accuracy score has one task, one agent and one model: each grouping counts them all once.
    const countOf = async (query: string) =>
      (await getJson(server, `/api/v1/metrics/scores?${window}&bucket=1d&${query}`)).data.reduce((a, p) => a + (p.count ?? 0), 0);
    const accuracy = Math.ceil(SCORES / NAMES.length);
    for (const groupBy of ["task", "agent", "model"]) {
      const counted = await countOf(`groupBy=${groupBy}&name=accuracy`);
      if (counted !== accuracy) throw new Error(`score metrics by ${groupBy} count ${counted} accuracy scores, ${accuracy} were sent`);
    }
    console.log(`${database}: checked: metrics count all ${total.toLocaleString("en-US")} scores (and by task, agent and model)`);
    for (const groupBy of ["name", "task", "agent", "model"]) {
      for (const bucket of ["1h", "1d"]) {
        const path = `/api/v1/metrics/scores?${window}&bucket=${bucket}&groupBy=${groupBy}${groupBy === "name" ? "" : "&name=accuracy"}`;
        const { first, medianMs, maxMs } = await timeRuns(RUNS, () => getJson(server, path));
        console.log(
          `score metrics at ${SCORES.toLocaleString("en-US")} scores (${database}, ${DAYS + 2} days, groupBy=${groupBy}, bucket=${bucket}, ${first.data.length} points): median ${medianMs.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms`,
        );
      }
    }
    console.log(
      `load average during the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await server.stop();
  }
}

const DATABASE: Database = values.database === "postgres" ? "postgres" : "sqlite";
const SEED = values.seed ?? (DATABASE === "postgres" ? "copy" : "otlp");
if (SEED !== "copy" && SEED !== "otlp") throw new Error("--seed is otlp or copy");
await bench(DATABASE);
