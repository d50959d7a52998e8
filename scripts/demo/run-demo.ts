/**
 * The demo's core, callable from the CLI and from tests: checks the server,
 * plans the runs, replays them in virtual time through the Hindsight SDK (one
 * SDK registration per simulated service, so traces carry distinct
 * service.name values), flushes and reports what was sent.
 */
import { checkHindsightConnection, registerHindsight, withSession } from "../../instrumentation/index";
import type { HindsightOptions } from "../../instrumentation/index";
import { createVirtualClock } from "./clock";
import { planRuns } from "./plan";
import { createRandom } from "./random";
import { SimulatedFailure } from "./scenario-context";
import type { ScenarioContext, ScenarioName } from "./scenario-context";
import { runDataAnalyst } from "./scenarios/data-analyst";
import { runLeadEnrichment } from "./scenarios/lead-enrichment";
import { runResearch } from "./scenarios/research";
import { runSupportTriage } from "./scenarios/support-triage";

export type DemoOptions = {
  /** Server base URL, e.g. http://127.0.0.1:3000. */
  url: string;
  apiKey?: string;
  traces: number;
  days: number;
  seed?: number;
  /** "Now" for the time spread; defaults to the real clock. */
  now?: number;
  /** Send spans here instead of the server (tests); skips the connection check. */
  exporter?: HindsightOptions["exporter"];
  log?: (line: string) => void;
};

export type DemoSummary = {
  traces: number;
  /** Spans the exporter reported as accepted. */
  spans: number;
  /** Traces whose root ended in error on purpose (refund crash, turn cap). */
  failedRuns: number;
  sessions: number;
  users: number;
  traceIds: string[];
  dashboardUrl: string;
};

/** A failure with a message meant for the person running the demo. */
export class DemoError extends Error {
  override name = "DemoError";
}

const SERVICES: Record<ScenarioName, { serviceName: string; run: (ctx: ScenarioContext) => Promise<void> }> = {
  "support-triage": { serviceName: "support-bot", run: runSupportTriage },
  research: { serviceName: "research-assistant", run: runResearch },
  "data-analyst": { serviceName: "analytics-copilot", run: runDataAnalyst },
  "lead-enrichment": { serviceName: "crm-jobs", run: runLeadEnrichment },
};
/** The batch processor queues 2048 spans; flushing this often keeps even large demos under it. */
const FLUSH_EVERY_RUNS = 20;
export const DEFAULT_SEED = 20_260_101;

async function ensureServerAccepts(options: DemoOptions): Promise<void> {
  const check = await checkHindsightConnection({ endpoint: options.url, apiKey: options.apiKey });
  if (check.ok) return;
  if (check.reason === "unreachable") {
    throw new DemoError(`Cannot reach Hindsight at ${check.url} (${check.message}). Start the server with \`npm start\` or set HINDSIGHT_URL / --url.`);
  }
  if (check.reason === "unauthorized") {
    const hint = options.apiKey
      ? "Pass the right key with --key or HINDSIGHT_API_KEY."
      : "No API key was given: pass --key hs_… or set HINDSIGHT_API_KEY (the server prints a key on its first start, or registers HINDSIGHT_INIT_API_KEY).";
    throw new DemoError(`Hindsight at ${check.url} rejected the API key (HTTP ${check.status}). ${hint}`);
  }
  throw new DemoError(`Hindsight at ${check.url} answered the connection check with ${check.message}.`);
}

function describeExportFailure(error: unknown, lastError: string | undefined): string {
  const detail = lastError ?? (error instanceof Error ? error.message : String(error));
  return /401|403|unauthori[sz]ed|forbidden/i.test(detail) ? `${detail}: check --key / HINDSIGHT_API_KEY` : detail;
}

/** Sends the demo traces and returns a summary; throws DemoError when the server is unusable. */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  if (!Number.isInteger(options.traces) || options.traces < 1) throw new DemoError(`--traces must be a positive integer, got ${options.traces}`);
  if (!(options.days > 0)) throw new DemoError(`--days must be a positive number, got ${options.days}`);
  const log = options.log ?? (() => undefined);
  if (!options.exporter) await ensureServerAccepts(options);

  const rng = createRandom(options.seed ?? DEFAULT_SEED);
  const plan = planRuns(rng, { traces: options.traces, days: options.days, now: options.now ?? Date.now() });
  const warmCaches = new Set<string>();
  // Halfway through the demo window the provider moves gpt-4o to a newer snapshot (Model changes).
  const modelChangeAtMs = (options.now ?? Date.now()) - (options.days * 86_400_000) / 2;
  const traceIds: string[] = [];
  let spans = 0;
  let failedRuns = 0;

  for (const [scenario, service] of Object.entries(SERVICES)) {
    const runs = plan.filter((run) => run.scenario === scenario);
    if (runs.length === 0) continue;
    const handle = registerHindsight({
      endpoint: options.url,
      apiKey: options.apiKey,
      serviceName: service.serviceName,
      exporter: options.exporter,
      resourceAttributes: { "deployment.environment.name": "demo", "service.version": "1.0.0" },
    });
    try {
      for (const [index, run] of runs.entries()) {
        const ctx: ScenarioContext = {
          rng,
          clock: createVirtualClock(run.startMs),
          plan: run,
          warmCaches,
          recordTrace: (id) => traceIds.push(id),
          modelChangeAtMs,
        };
        try {
          await withSession({ sessionId: run.sessionId, userId: run.userId }, () => service.run(ctx));
        } catch (error) {
          if (!(error instanceof SimulatedFailure)) throw error;
          failedRuns += 1;
        }
        if ((index + 1) % FLUSH_EVERY_RUNS === 0) await handle.forceFlush();
      }
      await handle.forceFlush();
      log(`${service.serviceName}: ${runs.length} traces`);
    } catch (error) {
      if (error instanceof DemoError || !handle.getExportStats().failedExports) throw error;
      throw new DemoError(`Sending to ${handle.config.tracesUrl} failed: ${describeExportFailure(error, handle.getExportStats().lastError)}`);
    } finally {
      spans += handle.getExportStats().exportedSpans;
      // Spans were flushed above; a failure here would only repeat the one already reported.
      await handle.shutdown().catch(() => undefined);
    }
  }

  return {
    traces: traceIds.length,
    spans,
    failedRuns,
    sessions: new Set(plan.flatMap((run) => (run.sessionId ? [run.sessionId] : []))).size,
    users: new Set(plan.flatMap((run) => (run.userId ? [run.userId] : []))).size,
    traceIds,
    dashboardUrl: `${options.url.replace(/\/+$/, "")}/traces`,
  };
}
