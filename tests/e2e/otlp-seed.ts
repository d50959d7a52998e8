// Sends spans to a running Hindsight through the real OpenTelemetry SDK and OTLP/HTTP protobuf exporter,
// exactly as a user's application would. Export failures surface through OTel's diag logger, so they are
// collected there and turned into a thrown error by `flush()`.
import { context, diag, DiagLogLevel, trace, type Attributes, type Context, type Span, SpanStatusCode } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

export type SeedTarget = { baseUrl: string; apiKey: string };

export type SpanSpec = {
  name: string;
  startMs: number;
  endMs: number;
  attributes?: Attributes;
  error?: { message: string; exception?: Error };
};

const exportErrors: string[] = [];
let isDiagInstalled = false;

function installDiag() {
  if (isDiagInstalled) return;
  isDiagInstalled = true;
  const record = (message: string, ...args: unknown[]) => exportErrors.push([message, ...args.map(String)].join(" "));
  const ignore = () => {};
  diag.setLogger(
    { error: record, warn: ignore, info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.ERROR, suppressOverrideMessage: true },
  );
}

/** A tracer exporting to `target` as `serviceName`; `flush()` resolves once every span was accepted. */
export function createSeedTracer(target: SeedTarget, serviceName: string) {
  installDiag();
  const exporter = new OTLPTraceExporter({ url: `${target.baseUrl}/v1/traces`, headers: { Authorization: `Bearer ${target.apiKey}` }, timeoutMillis: 60_000 });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName, "deployment.environment": "e2e" }),
    spanProcessors: [new BatchSpanProcessor(exporter, { maxQueueSize: 1_000_000, maxExportBatchSize: 1000, scheduledDelayMillis: 50 })],
  });
  const tracer = provider.getTracer("hindsight-e2e-seed");

  /** Starts and ends one span (optionally under `parent`) with explicit times; returns it for children. */
  function emit(spec: SpanSpec, parent?: Span): Span {
    const ctx: Context = parent ? trace.setSpan(context.active(), parent) : context.active();
    const span = tracer.startSpan(spec.name, { startTime: spec.startMs, attributes: spec.attributes }, ctx);
    if (spec.error) {
      if (spec.error.exception) span.recordException(spec.error.exception, spec.endMs);
      span.setStatus({ code: SpanStatusCode.ERROR, message: spec.error.message });
    }
    span.end(spec.endMs);
    return span;
  }

  async function flush(): Promise<void> {
    await provider.forceFlush();
    await provider.shutdown();
    if (exportErrors.length > 0) throw new Error(`OTLP export failed: ${exportErrors.splice(0).join("; ")}`);
  }

  return { emit, flush };
}

/** Refuses targets off this machine: the e2e suite writes data and must never touch a shared server. */
export function assertLocalTarget(baseUrl: string): void {
  const host = new URL(baseUrl).hostname;
  if (!["localhost", "127.0.0.1", "[::1]", "::1"].includes(host) && !host.startsWith("127.")) {
    throw new Error(`Refusing to seed ${baseUrl}: end-to-end tests run only against a local server`);
  }
}
