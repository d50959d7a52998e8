// PostgreSQL connections dropping under load (a failover, a restart, a proxy cutting them), done for
// real: while senders ingest traces over several requests each and readers read them, an admin
// connection terminates every backend of the server's database, again and again. Every answer must
// be 200 or 503 with Retry-After (OTLP exporters retry a 503, not a 500), every span acknowledged
// with a 200 must be stored afterwards, and the server must log no uncaught exception.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHindsight, TEST_PG_ADMIN_URL, type RunningServer } from "../support/hindsight-server";
import { authHeaders, getTrace } from "./support";
import { hex, request, span } from "./support/otlp-json";

const SENDERS = 4;
const READERS = 2;
const DROPS = 16;
const DROP_EVERY_MS = 400;

type Answer = { what: string; status: number; retryAfter: string | null; body: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A trace in three requests, children first, as batch exporters send a run that ends. */
function traceParts() {
  const traceId = hex(16);
  const [root, chat, tool] = [hex(8), hex(8), hex(8)];
  const chatSpan = span(traceId, chat, root, "chat gpt-4o-mini", 10, 400, {
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": "gpt-4o-mini",
    "gen_ai.usage.input_tokens": 1000,
    "gen_ai.usage.output_tokens": 100,
  });
  const toolSpan = span(traceId, tool, root, "execute_tool lookup", 410, 800, { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup" });
  const rootSpan = span(traceId, root, "", "invoke_agent triage", 0, 900, { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "triage" });
  return { traceId, parts: [[chatSpan], [toolSpan], [rootSpan]] };
}

const pgReachable = inject("servers").some((s) => s.name === "postgres");

describe.skipIf(!pgReachable)("PostgreSQL connections dropped under load", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startHindsight({ database: "postgres" });
  }, 300_000);
  afterAll(() => server?.stop());

  it("answer 200 or 503 with Retry-After, never 500, lose nothing acknowledged and throw nothing uncaught", async () => {
    const answers: Answer[] = [];
    const acknowledged = new Map<string, number>();
    let running = true;

    const call = async (what: string, url: string, init: RequestInit = {}): Promise<Answer> => {
      const response = await fetch(`${server.baseUrl}${url}`, { ...init, headers: { ...authHeaders(server), ...init.headers } });
      const answer = { what, status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.text()).slice(0, 300) };
      answers.push(answer);
      return answer;
    };
    const send = async () => {
      while (running) {
        const { traceId, parts } = traceParts();
        for (const part of parts) {
          // As an OTLP exporter does: a 503 is retried (sooner than Retry-After, to keep the test short).
          for (let attempt = 0; attempt < 200; attempt++) {
            const body = JSON.stringify(request(part));
            const answer = await call("POST /v1/traces", "/v1/traces", { method: "POST", body, headers: { "content-type": "application/json" } });
            if (answer.status === 200) {
              acknowledged.set(traceId, (acknowledged.get(traceId) ?? 0) + part.length);
              break;
            }
            if (answer.status !== 503) return;
            await sleep(100);
          }
        }
      }
    };
    const read = async () => {
      while (running) {
        const ids = [...acknowledged.keys()];
        await call("GET /api/v1/traces", "/api/v1/traces?limit=20");
        if (ids.length) await call("GET /api/v1/traces/{id}", `/api/v1/traces/${ids[Math.floor(Math.random() * ids.length)]}`);
        await call("GET /api/v1/metrics/cost", "/api/v1/metrics/cost?groupBy=model&bucket=1h");
      }
    };
    const database = new URL(server.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    let terminated = 0;
    const drop = async () => {
      for (let i = 0; i < DROPS; i++) {
        await sleep(DROP_EVERY_MS);
        const { rows } = await admin.query<{ ok: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [database],
        );
        terminated += rows.filter((r) => r.ok).length;
      }
      await sleep(2000); // traffic goes on over fresh connections
      running = false;
    };
    try {
      await Promise.all([drop(), ...Array.from({ length: SENDERS }, send), ...Array.from({ length: READERS }, read)]);
    } finally {
      await admin.end();
    }

    const count = (status: number) => answers.filter((a) => a.status === status).length;
    console.log(
      `[connection drops] ${terminated} backends terminated in ${DROPS} rounds; ${answers.length} answers: ${count(200)} × 200, ${count(503)} × 503, ` +
        `${answers.length - count(200) - count(503)} other; ${acknowledged.size} traces acknowledged`,
    );
    expect(terminated).toBeGreaterThan(DROPS); // connections were cut while in use
    const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 503);
    expect(unexpected, JSON.stringify(unexpected.slice(0, 5))).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((a) => !a.retryAfter)).toEqual([]);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(answers.length / 2);

    // Every acknowledged span is stored, and its trace summarised with it.
    for (const [traceId, spans] of acknowledged) {
      const { trace } = await getTrace(server, traceId);
      expect(trace.spanCount, traceId).toBe(spans);
    }
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    expect(server.output()).not.toMatch(/uncaughtException|unhandledRejection/);
  }, 240_000);
});
