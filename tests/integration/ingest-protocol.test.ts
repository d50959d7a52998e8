// OTLP/HTTP behaviour of the receiver: encodings, idempotency, spans in any order across requests,
// partial success, log events before and after their span, and the Langfuse-compatible path.
import { gzipSync } from "node:zlib";
import protobuf from "protobufjs";
import { expect, it } from "vitest";
import { OTLP_PROTO } from "@/lib/ingest/otlp-schema";
import { forEachDatabase, getTrace, listTraces, postOtlp } from "./support";
import { AGENT_RUN_COST, agentRun, attrs, hex, nsAt, request, span } from "./support/otlp-json";

const root = protobuf.parse(OTLP_PROTO).root;
const TraceRequest = root.lookupType("hindsight.otlp.ExportTraceServiceRequest");
const TraceResponse = root.lookupType("hindsight.otlp.ExportTraceServiceResponse");
const json = { "content-type": "application/json" };

/** The same request as protobuf: ids become bytes, everything else keeps its JSON field names. */
function toProtobuf(body: ReturnType<typeof request>): Uint8Array {
  const copy = JSON.parse(JSON.stringify(body)) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
  for (const s of copy.resourceSpans[0]!.scopeSpans[0]!.spans) {
    for (const key of ["traceId", "spanId", "parentSpanId"]) s[key] = Buffer.from(String(s[key]), "hex");
  }
  return TraceRequest.encode(TraceRequest.fromObject(copy)).finish();
}

forEachDatabase((server) => {
  it("commits SQLite batches in the writer thread by default", async () => {
    const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { database: string; writerThread: boolean };
    expect(health).toMatchObject({ database: server.name, writerThread: server.name === "sqlite" });
  });

  it("stores a gzipped protobuf export and answers in protobuf after commit", async () => {
    const run = agentRun();
    const response = await postOtlp(server, gzipSync(toProtobuf(request(Object.values(run.spans)))), {
      "content-type": "application/x-protobuf",
      "content-encoding": "gzip",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    expect(TraceResponse.toObject(TraceResponse.decode(new Uint8Array(await response.arrayBuffer())))).toEqual({});
    const { trace, spans } = await getTrace(server, run.traceId);
    expect(trace).toMatchObject({
      name: "invoke_agent triage",
      serviceName: "protocol-test",
      status: "error",
      spanCount: 3,
      errorCount: 1,
      llmCallCount: 1,
      toolCallCount: 1,
      inputTokens: 1000,
      outputTokens: 100,
      totalTokens: 1100,
      agentName: "triage",
      sessionId: "sess-1",
      userId: "user-1",
      models: ["gpt-4o-mini"],
    });
    expect(trace.costUsd).toBeCloseTo(AGENT_RUN_COST, 12);
    expect(spans.map((s) => s.kind)).toEqual(["agent", "llm", "tool"]);
    expect(spans.every((s) => s.sessionId === "sess-1" && s.userId === "user-1")).toBe(true);
    expect(spans[2]).toMatchObject({ toolName: "lookup", input: { id: 7 }, status: "error", statusMessage: "lookup failed" });
  });

  it("is idempotent on (traceId, spanId)", async () => {
    const run = agentRun();
    const body = JSON.stringify(request(Object.values(run.spans)));
    for (let i = 0; i < 3; i++) expect((await postOtlp(server, body, json)).status).toBe(200);
    const { trace, spans } = await getTrace(server, run.traceId);
    expect([trace.spanCount, spans.length, trace.inputTokens]).toEqual([3, 3, 1000]);
  });

  it("builds the same summary when children arrive before their parent, in other requests", async () => {
    const run = agentRun();
    expect((await postOtlp(server, JSON.stringify(request([run.spans.tool])), json)).status).toBe(200);
    const early = await getTrace(server, run.traceId);
    expect(early.trace).toMatchObject({ name: "execute_tool lookup", spanCount: 1 });
    await postOtlp(server, JSON.stringify(request([run.spans.chat])), json);
    await postOtlp(server, JSON.stringify(request([run.spans.root])), json);
    const { trace, spans } = await getTrace(server, run.traceId);
    expect(trace).toMatchObject({ name: "invoke_agent triage", spanCount: 3, inputTokens: 1000, agentName: "triage", sessionId: "sess-1" });
    expect(spans.find((s) => s.kind === "tool")?.sessionId).toBe("sess-1");
  });

  it("counts a wrapper's repeated usage once", async () => {
    const traceId = hex(16),
      wrapper = hex(8);
    const usage = { "ai.usage.inputTokens": 500, "ai.usage.outputTokens": 50, "ai.model.id": "gpt-4o-mini", "ai.model.provider": "openai.chat" };
    await postOtlp(
      server,
      JSON.stringify(
        request([
          span(traceId, wrapper, "", "ai.generateText", 0, 100, { "ai.operationId": "ai.generateText", ...usage }),
          span(traceId, hex(8), wrapper, "ai.generateText.doGenerate", 5, 95, { "ai.operationId": "ai.generateText.doGenerate", ...usage }),
        ]),
      ),
      json,
    );
    const { trace, spans } = await getTrace(server, traceId);
    expect(spans.map((s) => [s.kind, s.provider])).toEqual([
      ["chain", "openai"],
      ["llm", "openai"],
    ]);
    expect([trace.llmCallCount, trace.inputTokens, trace.outputTokens]).toEqual([1, 500, 50]);
  });

  it("rejects spans with bad ids in partialSuccess and stores the rest", async () => {
    const run = agentRun();
    const bad = { ...run.spans.chat, spanId: "not-hex" };
    const response = await postOtlp(server, JSON.stringify(request([run.spans.root, bad])), json);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { partialSuccess: { rejectedSpans: number; errorMessage: string } };
    expect(body.partialSuccess.rejectedSpans).toBe(1);
    expect(body.partialSuccess.errorMessage).toMatch(/spanId "not-hex"/);
    expect((await getTrace(server, run.traceId)).trace.spanCount).toBe(1);
  });

  it("answers an empty export with success", async () => {
    const response = await postOtlp(server, "{}", json);
    expect([response.status, await response.json()]).toEqual([200, {}]);
  });

  it.each(["logs first", "span first"])("attaches GenAI log events to their span (%s)", async (order) => {
    const traceId = hex(16),
      spanId = hex(8);
    const chat = request([span(traceId, spanId, "", "chat gpt-4o", 0, 50, { "gen_ai.system": "openai", "gen_ai.request.model": "gpt-4o" })]);
    const record = (event: string, body: object) => ({
      timeUnixNano: nsAt(1),
      traceId,
      spanId,
      attributes: attrs({ "event.name": event }),
      body: { kvlistValue: { values: Object.entries(body).map(([key, v]) => ({ key, value: { stringValue: v } })) } },
    });
    const logs = {
      resourceLogs: [
        {
          resource: {},
          scopeLogs: [
            {
              logRecords: [
                record("gen_ai.system.message", { content: "Be brief." }),
                record("gen_ai.user.message", { content: "Hi <b>there</b>" }),
                {
                  ...record("gen_ai.choice", {}),
                  body: {
                    kvlistValue: {
                      values: [
                        { key: "finish_reason", value: { stringValue: "stop" } },
                        { key: "message", value: { kvlistValue: { values: [{ key: "content", value: { stringValue: "Hello!" } }] } } },
                      ],
                    },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const sendLogs = () => postOtlp(server, JSON.stringify(logs), json, "/v1/logs");
    const sendSpan = () => postOtlp(server, JSON.stringify(chat), json);
    for (const send of order === "logs first" ? [sendLogs, sendSpan, sendLogs] : [sendSpan, sendLogs]) expect((await send()).status).toBe(200);
    const [llm] = (await getTrace(server, traceId)).spans;
    expect(llm!.input).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi <b>there</b>" },
    ]);
    expect(llm!.output).toEqual([{ role: "assistant", content: "Hello!", finish_reason: "stop" }]);
  });

  it("accepts the Langfuse-compatible path with HTTP Basic auth", async () => {
    const run = agentRun();
    const basic = `Basic ${Buffer.from(`pk-lf-anything:${server.apiKey}`).toString("base64")}`;
    const response = await fetch(`${server.baseUrl}/api/public/otel/v1/traces`, {
      method: "POST",
      body: JSON.stringify(request([run.spans.root])),
      headers: { ...json, authorization: basic },
    });
    expect(response.status).toBe(200);
    expect((await getTrace(server, run.traceId)).trace.spanCount).toBe(1);
    const wrong = `Basic ${Buffer.from("pk:wrong").toString("base64")}`;
    expect(
      (await fetch(`${server.baseUrl}/api/public/otel/v1/traces`, { method: "POST", body: "{}", headers: { ...json, authorization: wrong } })).status,
    ).toBe(401);
  });

  it("lists traces newest first with filters and cursor pagination", async () => {
    const name = `paging-${hex(4)}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const traceId = hex(16);
      ids.push(traceId);
      await postOtlp(
        server,
        JSON.stringify(request([span(traceId, hex(8), "", name, i * 10, i * 10 + 5, { "gen_ai.tool.name": i % 2 ? "search" : "fetch" })])),
        json,
      );
    }
    const first = await listTraces(server, { name, limit: 2 });
    const second = await listTraces(server, { name, limit: 2, cursor: first.nextCursor! });
    const third = await listTraces(server, { name, limit: 2, cursor: second.nextCursor! });
    expect([...first.data, ...second.data, ...third.data].map((t) => t.traceId)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeNull();
    expect((await listTraces(server, { name, tool: "search" })).data.map((t) => t.traceId)).toEqual([ids[3], ids[1]]);
    expect((await listTraces(server, { q: name, status: "ok", maxDurationMs: 10 })).data).toHaveLength(5);
  });
});
