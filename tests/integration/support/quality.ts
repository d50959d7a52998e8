// Helpers of the quality integration tests: the scores API, and OpenTelemetry evaluation results sent the
// two ways instrumentations send them, through the real OTLP/protobuf exporters: a span event on the
// evaluated span, or a log record carrying the span's context (emitted and flushed before the span itself).
import { ROOT_CONTEXT, trace, type Attributes, type HrTime } from "@opentelemetry/api";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider } from "@opentelemetry/sdk-logs";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Score } from "@/lib/quality/score-types";
import type { ScorePoint } from "@/lib/quality/score-points";
import { authHeaders, type TestServer } from "./index";

const json = { "content-type": "application/json" };

export const postScore = (server: TestServer, body: unknown, headers: Record<string, string> = authHeaders(server)) =>
  fetch(`${server.baseUrl}/api/v1/scores`, { method: "POST", headers: { ...headers, ...json }, body: JSON.stringify(body) });

/** GET /api/v1/scores; throws unless 200. */
export async function listScores(server: TestServer, params: Record<string, string> = {}): Promise<{ data: Score[]; nextCursor: string | null }> {
  const response = await fetch(`${server.baseUrl}/api/v1/scores?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
  if (response.status !== 200) throw new Error(`GET scores: ${response.status} ${await response.text()}`);
  return (await response.json()) as { data: Score[]; nextCursor: string | null };
}

/** Every score matching `params`, following the cursor. */
export async function listAllScores(server: TestServer, params: Record<string, string> = {}): Promise<Score[]> {
  const out: Score[] = [];
  let cursor: string | null = null;
  do {
    const page = await listScores(server, { ...params, limit: "500", ...(cursor ? { cursor } : {}) });
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** GET /api/v1/metrics/scores; throws unless 200. */
export async function scoreMetrics(server: TestServer, params: Record<string, string>): Promise<ScorePoint[]> {
  const response = await fetch(`${server.baseUrl}/api/v1/metrics/scores?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
  if (response.status !== 200) throw new Error(`GET metrics/scores: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: ScorePoint[] }).data;
}

const hrTime = (ms: number): HrTime => [Math.floor(ms / 1000), (ms % 1000) * 1_000_000];

export type Evaluation = { name: string; value?: number; label?: string; explanation?: string };

const evaluationAttributes = (e: Evaluation): Attributes => ({
  "gen_ai.evaluation.name": e.name,
  ...(e.value !== undefined ? { "gen_ai.evaluation.score.value": e.value } : {}),
  ...(e.label !== undefined ? { "gen_ai.evaluation.score.label": e.label } : {}),
  ...(e.explanation !== undefined ? { "gen_ai.evaluation.explanation": e.explanation } : {}),
});

export type EvaluatedRun = {
  name: string;
  startMs: number;
  agent: string;
  model: string;
  /** Sent as span events on the LLM span. */
  spanEvents?: Evaluation[];
  /** Sent as log records with the LLM span's context, before any span is exported. */
  logRecords?: Evaluation[];
};

/** The ids of each run's spans, in run order. */
export type SentRun = { traceId: string; rootSpanId: string; llmSpanId: string };

/**
 * Sends agent runs (root agent span → LLM span) whose LLM span carries evaluation results: log records
 * are exported and flushed first, then the spans, so the scores arrive before their trace.
 */
export async function sendEvaluatedRuns(server: TestServer, runs: EvaluatedRun[], service = "quality-test"): Promise<SentRun[]> {
  const resource = resourceFromAttributes({ "service.name": service });
  const headers = authHeaders(server);
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${server.baseUrl}/v1/traces`, headers }), { maxQueueSize: 10_000 })],
  });
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${server.baseUrl}/v1/logs`, headers }), maxQueueSize: 10_000 })],
  });
  const tracer = tracerProvider.getTracer("quality-test");
  const logger = loggerProvider.getLogger("quality-test");
  const ended: (() => void)[] = [];
  const sent: SentRun[] = [];
  for (const run of runs) {
    const root = tracer.startSpan(run.name, {
      startTime: hrTime(run.startMs),
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": run.agent },
    });
    const context = trace.setSpan(ROOT_CONTEXT, root);
    const llm = tracer.startSpan(
      `chat ${run.model}`,
      {
        startTime: hrTime(run.startMs + 10),
        attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": run.model, "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 20 },
      },
      context,
    );
    for (const e of run.spanEvents ?? []) llm.addEvent("gen_ai.evaluation.result", evaluationAttributes(e), hrTime(run.startMs + 90));
    for (const e of run.logRecords ?? []) {
      logger.emit({
        eventName: "gen_ai.evaluation.result",
        timestamp: hrTime(run.startMs + 95),
        context: trace.setSpan(ROOT_CONTEXT, llm),
        attributes: evaluationAttributes(e),
      });
    }
    sent.push({ traceId: root.spanContext().traceId, rootSpanId: root.spanContext().spanId, llmSpanId: llm.spanContext().spanId });
    ended.push(() => {
      llm.end(hrTime(run.startMs + 100));
      root.end(hrTime(run.startMs + 200));
    });
  }
  await loggerProvider.forceFlush();
  for (const end of ended) end();
  await tracerProvider.shutdown();
  await loggerProvider.shutdown();
  return sent;
}
