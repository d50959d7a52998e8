// Traces for the collaboration tests, sent through the real OpenTelemetry SDK and OTLP/protobuf exporter:
// an agent run with an LLM call (GenAI attributes, a prompt event), a failing tool call with a recorded
// exception, and attributes of every OTLP value type, so an export has everything worth round-tripping.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type HrTime } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

const hrTime = (ms: number): HrTime => [Math.floor(ms / 1000), (ms % 1000) * 1_000_000 + 123];

/** Sends one agent run named `name` with `apiKey`; returns nothing (read it back by name). */
export async function sendAgentRun(baseUrl: string, apiKey: string, name: string, startMs = Date.now() - 60_000): Promise<void> {
  const exporter = new OTLPTraceExporter({ url: `${baseUrl}/v1/traces`, headers: { authorization: `Bearer ${apiKey}` } });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "collab-test", "deployment.environment": "test", "host.cpu.count": 2 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("collab-test", "1.2.3");
  const root = tracer.startSpan(name, {
    startTime: hrTime(startMs),
    kind: SpanKind.SERVER,
    attributes: { "gen_ai.agent.name": "planner", "session.id": `s-${name}`, "app.ratio": 0.25, "app.flags": [true, false], "app.ids": [1, 2, 3] },
  });
  const context = trace.setSpan(ROOT_CONTEXT, root);
  const llm = tracer.startSpan(
    "chat gpt-4o-mini",
    {
      startTime: hrTime(startMs + 10),
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.system": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.usage.input_tokens": 120,
        "gen_ai.usage.output_tokens": 30,
        "gen_ai.prompt": JSON.stringify([{ role: "user", content: "secret prompt text" }]),
        "gen_ai.completion": JSON.stringify([{ role: "assistant", content: "the answer" }]),
      },
    },
    context,
  );
  llm.addEvent("gen_ai.content.prompt", { "gen_ai.prompt": "secret prompt text" }, hrTime(startMs + 11));
  llm.end(hrTime(startMs + 400));
  const tool = tracer.startSpan(
    "execute_tool search",
    { startTime: hrTime(startMs + 410), attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search", "tool.args": '{"q":"x"}' } },
    context,
  );
  tool.recordException({ name: "TimeoutError", message: "search timed out" }, hrTime(startMs + 900));
  tool.setStatus({ code: SpanStatusCode.ERROR, message: "search timed out" });
  tool.end(hrTime(startMs + 901));
  root.end(hrTime(startMs + 1000));
  await provider.shutdown();
}
