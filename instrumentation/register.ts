/**
 * One-call setup: a NodeSDK with the OTLP/protobuf trace exporter pointed at a
 * Hindsight server. Only traces are configured; NodeSDK would otherwise also
 * start OTLP metric and log exporters, which Hindsight does not receive.
 */
import { context, propagation, trace } from "@opentelemetry/api";
import type { Attributes } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { NodeSDK } from "@opentelemetry/sdk-node";
import type { NodeSDKConfiguration } from "@opentelemetry/sdk-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { observeExporter } from "./export-stats.js";
import type { ExportStats } from "./export-stats.js";
import { resolveHindsightConfig } from "./resolve-config.js";
import type { ConfigOptions, ResolvedConfig } from "./resolve-config.js";
import { setContentCapture } from "./serialize.js";
import { createSessionSpanProcessor } from "./session.js";

export type HindsightOptions = ConfigOptions & {
  /** Extra resource attributes, e.g. `{ "deployment.environment.name": "prod" }`. */
  resourceAttributes?: Attributes;
  /** Replaces the OTLP exporter (still batched and counted), e.g. an InMemorySpanExporter in tests. */
  exporter?: SpanExporter;
  /** Replaces batching and export entirely, e.g. `[new SimpleSpanProcessor(memory)]`. */
  spanProcessors?: SpanProcessor[];
  /** OTel auto-instrumentations to enable alongside the helpers. */
  instrumentations?: NodeSDKConfiguration["instrumentations"];
};

export type HindsightHandle = {
  readonly config: ResolvedConfig;
  /** Exports every finished span now; rejects when the server refuses them (e.g. a 401). */
  forceFlush(): Promise<void>;
  /** Flushes, stops the SDK and unregisters it, so registerHindsight may be called again. */
  shutdown(): Promise<void>;
  /** Spans the server accepted or refused so far (zeros when `spanProcessors` replaced export). */
  getExportStats(): ExportStats;
};

let isRegistered = false;

/**
 * Starts exporting spans to Hindsight. Options win over OTEL_* variables,
 * which win over HINDSIGHT_URL / HINDSIGHT_API_KEY (see resolveHindsightConfig).
 * Call once at startup, before the code you trace; call `shutdown()` before exit
 * so buffered spans are sent.
 */
export function registerHindsight(options: HindsightOptions = {}): HindsightHandle {
  if (isRegistered) {
    // A second NodeSDK cannot replace the global tracer provider; its spans would silently vanish.
    throw new Error("Hindsight: registerHindsight() is already active; call shutdown() on the previous handle first");
  }
  const config = resolveHindsightConfig(options);
  const observed = observeExporter(options.exporter ?? new OTLPTraceExporter({ url: config.tracesUrl, headers: config.headers }));
  const exportProcessors = options.spanProcessors ?? [new BatchSpanProcessor(observed.exporter)];
  const processors = [createSessionSpanProcessor(), ...exportProcessors];
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    resource: defaultResource().merge(resourceFromAttributes(options.resourceAttributes ?? {})),
    spanProcessors: processors,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: options.instrumentations ?? [],
  });
  sdk.start();
  setContentCapture(config.captureContent);
  isRegistered = true;

  let shutdownPromise: Promise<void> | undefined;
  return {
    config,
    forceFlush: async () => {
      await Promise.all(processors.map((processor) => processor.forceFlush()));
    },
    shutdown: () => {
      shutdownPromise ??= sdk.shutdown().finally(() => {
        trace.disable();
        context.disable();
        propagation.disable();
        setContentCapture(true);
        isRegistered = false;
      });
      return shutdownPromise;
    },
    getExportStats: () => observed.getStats(),
  };
}
