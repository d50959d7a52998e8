// Copy-paste snippets for sending the first trace. The endpoint is the server's own origin.

/** Environment variables that point any OpenTelemetry SDK at Hindsight (with the key, when it was just created). */
export function getEnvSnippet(endpoint: string, apiKey?: string | null): string {
  return [
    ...(apiKey ? [`export HINDSIGHT_API_KEY=${apiKey}`] : []),
    `export OTEL_EXPORTER_OTLP_ENDPOINT=${endpoint}`,
    `export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer $HINDSIGHT_API_KEY"`,
    `export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf`,
  ].join("\n");
}

/** Node.js: the OpenTelemetry SDK with the OTLP/HTTP protobuf exporter. */
export function getNodeSnippet(endpoint: string): string {
  return `// npm install @opentelemetry/sdk-node @opentelemetry/exporter-trace-otlp-proto @opentelemetry/api
import { NodeSDK } from "@opentelemetry/sdk-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { trace } from "@opentelemetry/api";

const sdk = new NodeSDK({
  serviceName: "my-agent",
  traceExporter: new OTLPTraceExporter({
    url: "${endpoint}/v1/traces",
    headers: { Authorization: \`Bearer \${process.env.HINDSIGHT_API_KEY}\` },
  }),
});
sdk.start();

const tracer = trace.getTracer("my-agent");
await tracer.startActiveSpan("answer-question", async (span) => {
  span.setAttribute("gen_ai.operation.name", "invoke_agent");
  span.setAttribute("session.id", "session-1");
  // … call your model and tools here …
  span.end();
});
await sdk.shutdown();`;
}

/** Python: the OpenTelemetry SDK with the OTLP/HTTP exporter. */
export function getPythonSnippet(endpoint: string): string {
  return `# pip install opentelemetry-sdk opentelemetry-exporter-otlp-proto-http
import os
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

provider = TracerProvider(resource=Resource.create({"service.name": "my-agent"}))
provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(
    endpoint="${endpoint}/v1/traces",
    headers={"Authorization": f"Bearer {os.environ['HINDSIGHT_API_KEY']}"},
)))
trace.set_tracer_provider(provider)

tracer = trace.get_tracer("my-agent")
with tracer.start_as_current_span("answer-question") as span:
    span.set_attribute("session.id", "session-1")
    # … call your model and tools here …
    pass
provider.shutdown()`;
}
