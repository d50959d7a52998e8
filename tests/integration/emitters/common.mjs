// Shared bits of the emitters: where to send, how to authenticate, what to print.
// Each emitter runs in its own process (instrumentations patch modules globally) and prints exactly one
// JSON line on stdout; everything else goes to stderr.
import { randomUUID } from "node:crypto";
import { diag, DiagLogLevel } from "@opentelemetry/api";

/** Target Hindsight server, from HINDSIGHT_URL and HINDSIGHT_API_KEY. */
export function getTarget() {
  const url = process.env.HINDSIGHT_URL?.replace(/\/+$/, "");
  const apiKey = process.env.HINDSIGHT_API_KEY;
  if (!url || !apiKey) throw new Error("HINDSIGHT_URL and HINDSIGHT_API_KEY must be set");
  return { url, apiKey, headers: { Authorization: `Bearer ${apiKey}` } };
}

/** Short random suffix so repeated runs against one database stay distinguishable. */
export const RUN_ID = randomUUID().slice(0, 8);

let diagErrors = 0;
/**
 * Sends OpenTelemetry diagnostics to stderr and counts errors: exporters report failed exports only
 * through diag/globalErrorHandler, so a non-zero count is how an emitter notices a rejected export.
 */
export function installDiag(level = DiagLogLevel.WARN) {
  const write =
    (tag, isError) =>
    (message, ...args) => {
      if (isError) diagErrors += 1;
      console.error(`[otel ${tag}] ${message}`, ...args);
    };
  diag.setLogger(
    {
      error: write("error", true),
      warn: write("warn", false),
      info: write("info", false),
      debug: write("debug", false),
      verbose: write("verbose", false),
    },
    { logLevel: level, suppressOverrideMessage: true },
  );
}

/** Span processor that remembers every ended span, so emitters can report ids without a backend. */
export class RecordingSpanProcessor {
  spans = [];
  onStart() {}
  onEnd(span) {
    const ctx = span.spanContext();
    this.spans.push({
      name: span.name,
      traceId: ctx.traceId,
      spanId: ctx.spanId,
      parentSpanId: span.parentSpanContext?.spanId ?? span.parentSpanId ?? null,
      attributes: { ...span.attributes },
    });
  }
  forceFlush() {
    return Promise.resolve();
  }
  shutdown() {
    return Promise.resolve();
  }
  /** The single span called `name` (throws when absent or ambiguous). */
  one(name) {
    const found = this.spans.filter((s) => s.name === name);
    if (found.length !== 1) throw new Error(`expected one span named ${name}, got ${found.length}`);
    return found[0];
  }
  all(name) {
    return this.spans.filter((s) => s.name === name);
  }
  traceIds() {
    return [...new Set(this.spans.map((s) => s.traceId))];
  }
}

/**
 * Prints the emitter's single JSON result line. Fails the process when an export error was reported,
 * so a test never waits for a trace the server refused.
 */
export function printResult(result) {
  process.stdout.write(JSON.stringify(result) + "\n");
  if (diagErrors > 0) {
    console.error(`${diagErrors} OpenTelemetry error(s) reported; the export may be incomplete`);
    process.exitCode = 1;
  }
}

/**
 * Runs main(), reporting a failure as a non-zero exit with the error on stderr. A failed run may leave
 * a mock server or an exporter retry timer behind, so it exits shortly after instead of hanging.
 */
export function run(main) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 500).unref();
  });
}
