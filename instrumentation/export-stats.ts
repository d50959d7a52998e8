/**
 * Export outcome counting. The batch processor swallows export failures (it
 * only logs them through the OTel diag logger, silent by default), so a
 * wrapper around the exporter is the only way for the host to learn that its
 * spans were refused, e.g. with a 401.
 */
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

export type ExportStats = {
  exportedSpans: number;
  failedSpans: number;
  failedExports: number;
  /** Message of the most recent failed export, if any. */
  lastError: string | undefined;
};

// Derived from the exporter interface so the SDK does not depend on @opentelemetry/core for one type.
type ExportResult = Parameters<Parameters<SpanExporter["export"]>[1]>[0];
// ExportResultCode.SUCCESS in @opentelemetry/core; a stable protocol value.
const EXPORT_SUCCESS = 0;

/** OTLP exporter errors carry the HTTP status in `code`; put it in the message so a 401 is recognisable. */
function describeExportError(error: Error | undefined): string {
  if (!error) return "export failed";
  const code = "code" in error && typeof error.code === "number" ? `HTTP ${error.code} ` : "";
  return `${code}${error.message}`;
}

export type ObservedExporter = {
  exporter: SpanExporter;
  getStats(): ExportStats;
};

/** Wraps `inner` so every export result is counted before it reaches the processor. */
export function observeExporter(inner: SpanExporter): ObservedExporter {
  const stats: ExportStats = { exportedSpans: 0, failedSpans: 0, failedExports: 0, lastError: undefined };
  const exporter: SpanExporter = {
    export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
      inner.export(spans, (result) => {
        if (Number(result.code) === EXPORT_SUCCESS) {
          stats.exportedSpans += spans.length;
        } else {
          stats.failedSpans += spans.length;
          stats.failedExports += 1;
          stats.lastError = describeExportError(result.error);
        }
        resultCallback(result);
      });
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
  return { exporter, getStats: () => ({ ...stats }) };
}
