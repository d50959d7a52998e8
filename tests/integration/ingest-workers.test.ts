// The ingest modes the shared test servers do not run, through the real path: normalise worker threads
// (HINDSIGHT_INGEST_WORKERS=2; the default starts them only from 4 cores) with SQLite commits in the
// request thread (HINDSIGHT_SQLITE_WRITER_THREAD=off; the default commits in a writer thread), fed by
// the official OpenAI instrumentation's OTLP protobuf spans and log events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceDetail } from "@/lib/trace/types";
import { startHindsight, type RunningServer } from "../support/hindsight-server";
import { bySpanId, expectComputedCost, expectInOrder, expectKinds, expectTotals } from "./emitters/expect-trace";
import { runEmitter, type OpenAIOfficialResult } from "./emitters/run-emitter";
import { getTrace, postOtlp } from "./support";
import { agentRun, request } from "./support/otlp-json";

describe("ingest with normalise worker threads, committing in the request thread (SQLite)", () => {
  let server: RunningServer;
  let result: OpenAIOfficialResult;
  let detail: TraceDetail;

  beforeAll(async () => {
    server = await startHindsight({ database: "sqlite", env: { HINDSIGHT_INGEST_WORKERS: "2", HINDSIGHT_SQLITE_WRITER_THREAD: "off" } });
    result = await runEmitter<OpenAIOfficialResult>("openai-official", server);
    detail = await getTrace(server, result.traceId);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("runs the threads it was asked for", async () => {
    const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { ingestWorkers: number; writerThread: boolean };
    expect(health).toMatchObject({ ingestWorkers: 2, writerThread: false });
  });

  it("stores and normalises spans and their log events as the request thread would", () => {
    expect(detail.trace).toMatchObject({ name: "invoke_agent support-agent", spanCount: 5, status: "ok" });
    expectKinds(detail.spans, result.kinds);
    expectTotals(detail, result.totals);
    for (const call of result.llmCalls) expectComputedCost(bySpanId(detail, call.spanId));
    expectInOrder(bySpanId(detail, result.llmCalls[0]!.spanId).input, ["You are a concise support agent.", result.userMessage]);
  });

  it("refuses a malformed body with 400 and keeps partial success for bad ids", async () => {
    const broken = await postOtlp(server, JSON.stringify({ resourceSpans: { not: "a list" } }), { "content-type": "application/json" });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { message: string }).message).toMatch(/resourceSpans/);
    const run = agentRun();
    const partial = await postOtlp(server, JSON.stringify(request([run.spans.root, { ...run.spans.chat, spanId: "not-hex" }])), {
      "content-type": "application/json",
    });
    expect(((await partial.json()) as { partialSuccess: { rejectedSpans: number } }).partialSuccess.rejectedSpans).toBe(1);
    expect((await getTrace(server, run.traceId)).trace.spanCount).toBe(1);
    expect((await getTrace(server, result.traceId)).trace.spanCount).toBe(5);
  });
});
