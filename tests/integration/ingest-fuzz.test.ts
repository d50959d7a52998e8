// Property-based fuzzing of the OTLP receiver through real HTTP on both databases: generated trace and
// log bodies (protobuf and JSON), valid and mutated (tests/unit/lib/ingest/support/otlp-fuzz.ts), some
// gzip-compressed, some gzip of garbage. The server must answer each with 200 or a 4xx (503 allowed:
// retry later), never another 5xx; must still answer /api/health after; must store nothing of a body it
// refused (its traces do not exist) and leave a trace stored before unchanged. Bodies are sampled from a
// fixed seed (HINDSIGHT_FUZZ_SEED overrides it, HINDSIGHT_FUZZ_BODIES the count); failures print the
// seed and the index of the body, which reproduce it.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { LogsRequestType, TraceRequestType, encodeBody, logsBodyPlan, stampTraceIds, traceBodyPlan, traceIdsOf } from "../unit/lib/ingest/support/otlp-fuzz";
import { authHeaders, forEachDatabase, getStoredTrace, listTraces, postOtlp } from "./support";
import { agentRun, request } from "./support/otlp-json";

const SEED = Number(process.env.HINDSIGHT_FUZZ_SEED ?? 20261207);
const BODIES = Number(process.env.HINDSIGHT_FUZZ_BODIES ?? 5000);
const CONCURRENCY = 8;
const ALLOWED = new Set([200, 400, 413, 415, 429, 503]);

type Case = { index: number; path: "/v1/traces" | "/v1/logs"; headers: Record<string, string>; body: Uint8Array<ArrayBuffer>; traceIds: string[] };

/** The bodies of one run: three in four trace bodies, the rest logs; one in six gzip-compressed, one in forty gzip of garbage. */
function buildCases(): Case[] {
  const plans = fc.sample(
    fc.record({
      trace: traceBodyPlan,
      log: logsBodyPlan,
      signal: fc.integer({ min: 0, max: 3 }),
      compress: fc.integer({ min: 0, max: 39 }),
      garbage: fc.uint8Array({ minLength: 1, maxLength: 256 }),
    }),
    { seed: SEED, numRuns: BODIES },
  );
  return plans.map(({ trace, log, signal, compress, garbage }, index) => {
    const isLogs = signal === 3;
    const traceIds = isLogs ? [] : traceIdsOf(stampTraceIds(trace.request, index));
    const encoded = isLogs ? encodeBody(LogsRequestType, log) : encodeBody(TraceRequestType, trace);
    const headers: Record<string, string> = { "content-type": encoded.format === "json" ? "application/json" : "application/x-protobuf" };
    let body = encoded.bytes;
    if (compress === 0) {
      headers["content-encoding"] = "gzip";
      body = gzipSync(garbage);
    } else if (compress <= 6) {
      headers["content-encoding"] = "gzip";
      body = gzipSync(body);
    }
    return { index, path: isLogs ? "/v1/logs" : "/v1/traces", headers, body: new Uint8Array(body), traceIds };
  });
}

forEachDatabase((server) => {
  let stored: unknown;
  let storedId: string;
  const cases = buildCases();
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    const run = agentRun();
    expect((await postOtlp(server, JSON.stringify(request(Object.values(run.spans))), { "content-type": "application/json" })).status).toBe(200);
    storedId = run.traceId;
    stored = await getStoredTrace(server, storedId);
    let next = 0;
    const worker = async () => {
      for (let c = cases[next++]; c; c = cases[next++]) {
        const response = await postOtlp(server, c.body, c.headers, c.path);
        await response.arrayBuffer();
        statuses.set(c.index, response.status);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }, 600_000);

  it(`answers ${BODIES} generated and mutated bodies with 200 or 4xx (or 503), never another 5xx`, () => {
    const bad = cases.filter((c) => !ALLOWED.has(statuses.get(c.index)!));
    const described = bad.slice(0, 5).map((c) => `#${c.index} ${c.path} ${JSON.stringify(c.headers)} → ${statuses.get(c.index)}`);
    expect(described, `seed ${SEED}: reproduce with HINDSIGHT_FUZZ_SEED=${SEED}`).toEqual([]);
    const counts = [...statuses.values()].reduce<Record<number, number>>((acc, s) => ((acc[s] = (acc[s] ?? 0) + 1), acc), {});
    console.log(`[ingest-fuzz] ${server.name}, seed ${SEED}: statuses ${JSON.stringify(counts)}`);
    expect(counts[200]).toBeGreaterThan(BODIES / 10); // the generator still makes bodies worth storing
    expect(counts[400]).toBeGreaterThan(BODIES / 10);
  });

  it("is still healthy, and the trace stored before is unchanged", async () => {
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    expect(await getStoredTrace(server, storedId)).toEqual(stored);
  });

  it("stored nothing of the bodies it refused", async () => {
    const refused = cases.filter((c) => c.traceIds.length > 0 && statuses.get(c.index) !== 200);
    const listed = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await listTraces(server, { limit: 500, ...(cursor ? { cursor } : {}) });
      for (const trace of page.data) listed.add(trace.traceId);
      cursor = page.nextCursor;
    } while (cursor);
    const found = refused.flatMap((c) => c.traceIds.filter((id) => listed.has(id)).map((id) => `#${c.index} ${id}`));
    expect(found, `seed ${SEED}`).toEqual([]);
    // The list holds what was accepted, and a refused trace is also unknown to the single-trace read.
    expect(cases.filter((c) => statuses.get(c.index) === 200 && c.traceIds.some((id) => listed.has(id))).length).toBeGreaterThan(0);
    for (const c of refused.slice(0, 20)) {
      const response = await fetch(`${server.baseUrl}/api/v1/traces/${c.traceIds[0]}`, { headers: authHeaders(server) });
      expect(response.status, `#${c.index}`).toBe(404);
    }
  }, 120_000);
});
