/**
 * The demo (scripts/demo) exercised through its exported core. It lives here
 * because it is the SDK's main consumer; move it to tests/unit/scripts/ if
 * that folder appears.
 */
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DemoError, runDemo } from "../../../scripts/demo/run-demo";
import type { DemoSummary } from "../../../scripts/demo/run-demo";
import { getClosedUrl, startCaptureServer } from "./support/capture-server";
import type { CaptureServer } from "./support/capture-server";
import { getParentSpanId, toMillis } from "./support/memory-tracing";

const NOW = Date.UTC(2026, 10, 20, 12, 0);
const DAY = 86_400_000;

/** Unlike InMemorySpanExporter, survives the demo shutting down one SDK registration per service. */
function createCollector(): { exporter: SpanExporter; spans: ReadableSpan[] } {
  const spans: ReadableSpan[] = [];
  return {
    spans,
    exporter: {
      export: (batch, done) => {
        spans.push(...batch);
        done({ code: 0 });
      },
      shutdown: () => Promise.resolve(),
    },
  };
}

async function runCollected(traces: number, seed?: number): Promise<{ summary: DemoSummary; spans: ReadableSpan[] }> {
  const collector = createCollector();
  const summary = await runDemo({ url: "http://127.0.0.1:1", traces, days: 7, now: NOW, seed, exporter: collector.exporter });
  return { summary, spans: collector.spans };
}

function groupByTrace(spans: ReadableSpan[]): Map<string, ReadableSpan[]> {
  const traces = new Map<string, ReadableSpan[]>();
  for (const span of spans) traces.set(span.spanContext().traceId, [...(traces.get(span.spanContext().traceId) ?? []), span]);
  return traces;
}

const normaliseQuery = (query: unknown) =>
  String(query)
    .toLowerCase()
    .replace(/\b(latest|2025)\b|\?/g, "")
    .replace(/\s+/g, " ")
    .trim();

describe("runDemo with a local exporter", () => {
  let summary: DemoSummary;
  let spans: ReadableSpan[] = [];
  let traces = new Map<string, ReadableSpan[]>();
  let roots: ReadableSpan[] = [];
  let llmSpans: ReadableSpan[] = [];
  beforeAll(async () => {
    ({ summary, spans } = await runCollected(40));
    traces = groupByTrace(spans);
    roots = spans.filter((span) => getParentSpanId(span) === undefined);
    llmSpans = spans.filter((span) => span.attributes["gen_ai.operation.name"] === "chat");
  });

  it("sends the requested number of traces, each with one root agent", () => {
    expect(summary.traces).toBe(40);
    expect(traces.size).toBe(40);
    expect(new Set(summary.traceIds).size).toBe(40);
    expect(roots).toHaveLength(40);
    expect(roots.every((root) => root.name.startsWith("invoke_agent "))).toBe(true);
    expect(summary.spans).toBe(spans.length);
  });

  it("spreads runs over the last days, all finished in the past, children inside their parents", () => {
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    for (const span of spans) {
      expect(toMillis(span.startTime)).toBeGreaterThanOrEqual(NOW - 7 * DAY);
      expect(toMillis(span.endTime)).toBeLessThanOrEqual(NOW);
      const parent = byId.get(getParentSpanId(span) ?? "");
      if (parent) {
        expect(toMillis(span.startTime)).toBeGreaterThanOrEqual(toMillis(parent.startTime));
        expect(toMillis(span.endTime)).toBeLessThanOrEqual(toMillis(parent.endTime));
      }
    }
    const days = new Set(roots.map((root) => Math.floor((NOW - toMillis(root.startTime)) / DAY)));
    expect(days.size).toBeGreaterThanOrEqual(4);
  });

  it("uses varied models and providers, including an unpriceable one", () => {
    const models = new Set(llmSpans.map((span) => span.attributes["gen_ai.request.model"]));
    expect([...models].sort()).toEqual(
      ["acme-llm-1", "claude-3-5-haiku-20241022", "claude-sonnet-4-20250514", "gemini-2.5-flash", "gpt-4o", "gpt-4o-mini"].sort(),
    );
    const providers = new Set(llmSpans.map((span) => span.attributes["gen_ai.provider.name"]));
    expect(providers).toEqual(new Set(["openai", "anthropic", "gcp.gemini", "acme"]));
  });

  it("reports usage with cache reads inside the input tokens, and none for calls the provider refused", () => {
    const cached = llmSpans.filter((span) => Number(span.attributes["gen_ai.usage.cache_read.input_tokens"]) > 0);
    expect(cached.length).toBeGreaterThan(5);
    const refused = llmSpans.filter((span) => span.status.code === SpanStatusCode.ERROR);
    expect(refused.length).toBeGreaterThan(0); // the planted rate limit
    for (const span of refused) expect(span.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
    for (const span of llmSpans.filter((s) => !refused.includes(s))) {
      const input = Number(span.attributes["gen_ai.usage.input_tokens"]);
      expect(input).toBeGreaterThan(0);
      expect(Number(span.attributes["gen_ai.usage.cache_read.input_tokens"] ?? 0)).toBeLessThanOrEqual(input);
      expect(Number(span.attributes["gen_ai.usage.output_tokens"])).toBeGreaterThan(0);
    }
  });

  it("contains a research run looping on web_search with near-identical arguments", () => {
    const longest = Math.max(
      ...[...traces.values()].map((trace) => {
        const tools = trace
          .filter((span) => span.attributes["gen_ai.operation.name"] === "execute_tool")
          .sort((a, b) => toMillis(a.startTime) - toMillis(b.startTime));
        let run = 0;
        let best = 0;
        for (const tool of tools) {
          run = tool.attributes["gen_ai.tool.name"] === "web_search" ? run + 1 : 0;
          best = Math.max(best, run);
        }
        const queries = new Set(tools.map((tool) => normaliseQuery(JSON.parse(String(tool.attributes["gen_ai.tool.call.arguments"])).query)));
        return best >= 12 && queries.size === 1 ? best : 0;
      }),
    );
    expect(longest).toBeGreaterThanOrEqual(12);
  });

  it("contains a failing refund tool with an exception and a handoff to the refunds agent", () => {
    const failed = spans.filter((span) => span.name === "execute_tool issue_refund" && span.status.code === SpanStatusCode.ERROR);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const span of failed) {
      expect(span.attributes["error.type"]).toBe("PaymentGatewayError");
      expect(span.events.some((event) => event.name === "exception")).toBe(true);
    }
    const refunds = spans.filter((span) => span.name === "invoke_agent refunds");
    expect(refunds.length).toBeGreaterThan(0);
    const parents = new Set(refunds.map((span) => spans.find((candidate) => candidate.spanContext().spanId === getParentSpanId(span))?.name));
    expect(parents).toEqual(new Set(["invoke_agent support-triage"]));
    expect(roots.filter((root) => root.status.code === SpanStatusCode.ERROR).length).toBe(summary.failedRuns);
    expect(summary.failedRuns).toBeGreaterThanOrEqual(1);
  });

  it("runs some tool calls in parallel", () => {
    const tools = spans.filter((span) => span.attributes["gen_ai.operation.name"] === "execute_tool");
    const overlapping = tools.filter((tool) =>
      tools.some((other) => other !== tool && getParentSpanId(other) === getParentSpanId(tool) && toMillis(other.startTime) === toMillis(tool.startTime)),
    );
    expect(overlapping.length).toBeGreaterThanOrEqual(4);
    expect(tools.some((tool) => tool.name.startsWith("tools/call ") && tool.attributes["mcp.method.name"] === "tools/call")).toBe(true);
  });

  it("shares sessions across turns and tags users", () => {
    const turns = new Map<string, number>();
    for (const root of roots) {
      const session = root.attributes["session.id"];
      if (typeof session === "string") turns.set(session, (turns.get(session) ?? 0) + 1);
    }
    expect([...turns.values()].some((count) => count >= 3)).toBe(true);
    expect(summary.sessions).toBe(turns.size);
    expect(new Set(spans.map((span) => span.attributes["user.id"]).filter(Boolean)).size).toBe(summary.users);
    expect(roots.some((root) => root.attributes["session.id"] === undefined)).toBe(true);
  });

  it("is deterministic for a seed and different for another", async () => {
    const shape = (list: ReadableSpan[]) =>
      list.map((span) => `${span.name}|${String(span.attributes["gen_ai.usage.input_tokens"])}|${toMillis(span.startTime)}`);
    const again = await runCollected(40);
    const other = await runCollected(40, 7);
    expect(shape(again.spans)).toEqual(shape(spans));
    expect(shape(other.spans)).not.toEqual(shape(spans));
  });
});

describe("runDemo against a server", () => {
  let server: CaptureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("exports over OTLP/HTTP with the key and returns the dashboard URL", async () => {
    server = await startCaptureServer(200);
    const summary = await runDemo({ url: `${server.url}/`, apiKey: "hs_demo", traces: 8, days: 2 });

    expect(summary.traces).toBe(8);
    expect(summary.spans).toBeGreaterThan(40);
    expect(summary.dashboardUrl).toBe(`${server.url}/traces`);
    const exports = server.requests.filter((request) => request.body.length > 0);
    expect(exports.length).toBeGreaterThanOrEqual(4);
    expect(server.requests.every((request) => request.path === "/v1/traces" && request.headers.authorization === "Bearer hs_demo")).toBe(true);
  });

  it.each([
    { name: "a 401", status: 401, message: /rejected the API key \(HTTP 401\).*--key/ },
    { name: "a 500", status: 500, message: /answered the connection check with HTTP 500/ },
  ])("fails with a clear message on $name", async ({ status, message }) => {
    server = await startCaptureServer(status);
    const run = runDemo({ url: server.url, apiKey: "wrong", traces: 3, days: 1 });
    await expect(run).rejects.toBeInstanceOf(DemoError);
    await expect(run).rejects.toThrow(message);
    expect(server.requests).toHaveLength(1);
  });

  it("fails with a clear message when the key is refused mid-run", async () => {
    server = await startCaptureServer(200);
    const capture = server;
    const run = runDemo({ url: server.url, apiKey: "hs_demo", traces: 30, days: 1, log: () => capture.setStatus(401) });
    await expect(run).rejects.toThrow(/failed: HTTP 401 Unauthorized: check --key/);
  });

  it("fails with a clear message when nothing listens", async () => {
    const url = await getClosedUrl();
    await expect(runDemo({ url, traces: 3, days: 1 })).rejects.toThrow(/Cannot reach Hindsight at .*npm start/);
  });

  it.each([
    { traces: 0, days: 7 },
    { traces: 2.5, days: 7 },
    { traces: 3, days: 0 },
    { traces: 3, days: Number.NaN },
  ])("rejects traces=$traces days=$days", async ({ traces, days }) => {
    await expect(runDemo({ url: "http://127.0.0.1:1", traces, days, exporter: createCollector().exporter })).rejects.toBeInstanceOf(DemoError);
  });
});
