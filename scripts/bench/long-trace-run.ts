// `bench:ingest -- --long-trace`: one trace grows by one body per request, sent one request at a time,
// while "everyone else" (other traces, small bodies at a steady pace) keeps ingesting beside it. Then
// the grown trace is opened the two ways a reader does: the API's GET /api/v1/traces/{id} and the trace
// page (whose server render reads the span outline).
import { startHindsight, type Database } from "../../tests/support/hindsight-server";
import { signIn } from "../../tests/support/sign-in";
import { buildWorkload } from "./encode";
import { buildLongTrace } from "./long-trace";
import { post, retryAfterMs, warmUp, type Target } from "./send";

export type LongTraceOptions = { database: Database; requests: number; spansPerBody: number; seed: number; others: boolean; log: (line: string) => void };

type Timed = { startMs: number; ms: number };
export type LongTraceResult = {
  database: Database;
  spans: number;
  requests: Timed[];
  retries: number;
  others: Timed[];
  opens: { what: string; ms: number[] }[];
  storedSpanCount: number;
};

const OTHERS_PAUSE_MS = 100;
const OTHERS_BODY_SPANS = 64;

/** Posts until the server takes the body (429/503 are sat out); the time of the accepted attempt. */
async function send(target: Target, body: Buffer<ArrayBuffer>): Promise<Timed & { retries: number }> {
  for (let retries = 0; retries < 50; retries++) {
    const startMs = performance.now();
    const answer = await post(target, body);
    const ms = performance.now() - startMs;
    if (answer.status === 200) return { startMs, ms, retries };
    if (answer.status !== 429 && answer.status !== 503)
      throw new Error(`POST /v1/traces answered ${answer.status}: ${Buffer.from(answer.bytes).toString("utf8").slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs(answer.retryAfter)));
  }
  throw new Error("a body was still refused after 50 attempts");
}

/** Other traces at a steady pace until `stop()`; their request times. */
function othersSending(target: Target, bodies: Buffer<ArrayBuffer>[]) {
  const times: Timed[] = [];
  let stopped = false;
  const loop = (async () => {
    for (const body of bodies) {
      if (stopped) return;
      times.push(await send(target, body));
      await new Promise((resolve) => setTimeout(resolve, OTHERS_PAUSE_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return times;
    },
  };
}

/** The time of a GET (body read and checked), or NaN when it failed (logged: a failure is a figure too). */
async function timeGet(
  url: string,
  headers: Record<string, string>,
  check: (response: Response) => Promise<void>,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, redirect: "manual" });
    await check(response);
    const ms = performance.now() - started;
    log(`GET ${new URL(url).pathname}: ${ms.toFixed(0)} ms`);
    return ms;
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    log(
      `GET ${new URL(url).pathname} failed after ${(performance.now() - started).toFixed(0)} ms: ${(error as Error).message}${cause ? ` (${cause.message})` : ""}`,
    );
    return NaN;
  }
}

/** Signs in (a connection kept alive across a minute-long answer may be closed under the first try). */
async function signInRetrying(baseUrl: string, admin: { email: string; password: string }, log: (line: string) => void): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signIn(baseUrl, admin.email, admin.password);
    } catch (error) {
      log(`sign-in attempt ${attempt} failed: ${(error as Error).message}`);
      if (attempt === 3) return "";
    }
  }
}

export async function benchLongTrace(options: LongTraceOptions): Promise<LongTraceResult> {
  const { log } = options;
  const trace = buildLongTrace(options.requests, options.spansPerBody, options.seed);
  // Enough for the longest run seen on main (~3 minutes at the pace below); unused bodies are not sent.
  const others = options.others ? buildWorkload(120_000, OTHERS_BODY_SPANS, options.seed + 1).bodies : [];
  log(`long trace ${trace.traceId}: ${trace.spans.toLocaleString("en-US")} spans in ${trace.bodies.length} bodies; starting a ${options.database} server…`);
  const server = await startHindsight({ database: options.database });
  try {
    await warmUp(server);
    // Untimed: the first requests of a fresh server pay for loading routes and warming the JIT.
    for (const body of buildWorkload(5_000, options.spansPerBody, options.seed + 2).bodies) await send(server, body);
    const background = othersSending(server, others);
    const requests: Timed[] = [];
    let retries = 0;
    for (const [i, body] of trace.bodies.entries()) {
      const timed = await send(server, body);
      requests.push(timed);
      retries += timed.retries;
      if ((i + 1) % 10 === 0) log(`request ${i + 1}: ${timed.ms.toFixed(0)} ms`);
    }
    const othersTimes = await background.stop();
    // Shown now: opening the grown trace may take long or fail, and must not lose these figures.
    console.log(
      `\n${formatLongTrace({ database: options.database, spans: trace.spans, requests, retries, others: othersTimes, opens: [], storedSpanCount: NaN })}\n`,
    );
    log("opening the grown trace…");
    const auth = { authorization: `Bearer ${server.apiKey}` };
    let storedSpanCount = 0;
    const api: number[] = [];
    for (let i = 0; i < 3; i++)
      api.push(
        await timeGet(
          `${server.baseUrl}/api/v1/traces/${trace.traceId}`,
          auth,
          async (response) => {
            if (response.status !== 200) throw new Error(`GET /api/v1/traces/{id} answered ${response.status}`);
            const detail = (await response.json()) as { trace: { spanCount: number }; spans: unknown[] };
            storedSpanCount = detail.trace.spanCount;
            if (detail.spans.length !== trace.spans) throw new Error(`the API returned ${detail.spans.length} spans of ${trace.spans}`);
          },
          log,
        ),
      );
    const cookie = await signInRetrying(server.baseUrl, server.admin, log);
    const page: number[] = [];
    for (let i = 0; i < 3; i++)
      page.push(
        await timeGet(
          `${server.baseUrl}/projects/default/traces/${trace.traceId}`,
          { cookie },
          async (response) => {
            if (response.status !== 200 || !response.url.includes(trace.traceId))
              throw new Error(`the trace page answered ${response.status} at ${response.url}`);
            await response.text();
          },
          log,
        ),
      );
    return {
      database: options.database,
      spans: trace.spans,
      requests,
      retries,
      others: othersTimes,
      opens: [
        { what: "GET /api/v1/traces/{id} (all spans in full)", ms: api },
        { what: "trace page (span outline, server render)", ms: page },
      ],
      storedSpanCount,
    };
  } catch (error) {
    log(`server output (tail):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await server.stop();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]! : NaN;
};
const ms = (n: number) => (Number.isNaN(n) ? "failed" : `${n.toFixed(0)} ms`);
const figures = (values: number[]) => `median ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))} (${values.length} requests)`;

/** Requests of others that started while requests first..last of the long trace ran. */
function othersDuring(result: LongTraceResult, first: number, last: number): number[] {
  const from = result.requests[first]!.startMs;
  const to = result.requests[last]!.startMs + result.requests[last]!.ms;
  return result.others.filter((t) => t.startMs >= from && t.startMs <= to).map((t) => t.ms);
}

export function formatLongTrace(result: LongTraceResult): string {
  const n = result.requests.length;
  const first = result.requests.slice(0, 10).map((t) => t.ms);
  const last = result.requests.slice(n - 10).map((t) => t.ms);
  const ratio = quantile(last, 0.5) / quantile(first, 0.5);
  const lines = [
    `${result.database}: one trace growing to ${result.spans.toLocaleString("en-US")} spans, ${n} sequential requests of ${Math.round(result.spans / n)} spans (${result.retries} retries after 429/503)`,
    `  requests 1–10:    ${figures(first)}`,
    `  requests ${n - 9}–${n}: ${figures(last)}`,
    `  last ten / first ten (median): ${ratio.toFixed(2)}× (target ≤ 1.5×)`,
  ];
  if (result.others.length) {
    const before = othersDuring(result, 0, 9);
    const after = othersDuring(result, n - 10, n - 1);
    lines.push(
      `  others' ingest (${OTHERS_BODY_SPANS}-span bodies of other traces, one every ${OTHERS_PAUSE_MS} ms beside it):`,
      `    while requests 1–10 ran:    ${figures(before)}`,
      `    while requests ${n - 9}–${n} ran: ${figures(after)}`,
    );
  }
  if (result.opens.length) lines.push(`  opening the ${result.spans.toLocaleString("en-US")}-span trace (3 times each, nothing else running):`);
  for (const open of result.opens) lines.push(`    ${open.what}: ${open.ms.map(ms).join(", ")}`);
  return lines.join("\n");
}
