// The fixed cast of the benchmark: which agent apps exist, which models they call, and the OTel
// resources (service × host) their processes export from. Kept apart from the generator so the
// generator reads as the shape of one trace.
import type { KeyValue } from "./otlp-values";
import { attributes } from "./otlp-values";

export type App = { service: string; agent: string; subAgent: string; tools: readonly string[] };
export type Model = { provider: string; request: string; response: string; serverAddress: string };

export const APPS: readonly App[] = [
  {
    service: "support-desk",
    agent: "support-triage",
    subAgent: "billing-specialist",
    tools: ["search_knowledge_base", "get_order", "refund_order", "create_ticket"],
  },
  { service: "research-bot", agent: "research-assistant", subAgent: "fact-checker", tools: ["web_search", "fetch_url", "summarise_document"] },
  { service: "analytics-copilot", agent: "data-analyst", subAgent: "report-writer", tools: ["run_sql", "describe_table", "plot_chart"] },
];

// Dated snapshots and a provider-prefixed name exercise the price matcher; the internal model is
// deliberately unpriced (costUsd null), as real fleets always have one.
export const MODELS: readonly Model[] = [
  { provider: "openai", request: "gpt-4o", response: "gpt-4o-2024-08-06", serverAddress: "api.openai.com" },
  { provider: "openai", request: "gpt-4o-mini", response: "gpt-4o-mini-2024-07-18", serverAddress: "api.openai.com" },
  { provider: "openai", request: "gpt-4.1", response: "gpt-4.1-2025-04-14", serverAddress: "api.openai.com" },
  { provider: "anthropic", request: "claude-sonnet-4-5", response: "claude-sonnet-4-5-20250929", serverAddress: "api.anthropic.com" },
  { provider: "anthropic", request: "claude-haiku-4-5", response: "claude-haiku-4-5-20251001", serverAddress: "api.anthropic.com" },
  { provider: "gcp.gemini", request: "gemini-2.5-flash", response: "gemini-2.5-flash", serverAddress: "generativelanguage.googleapis.com" },
  { provider: "openai", request: "openrouter/acme-internal-13b", response: "acme-internal-13b", serverAddress: "llm.internal" },
];

export const HOSTS = ["ip-10-0-1-17", "ip-10-0-2-41"] as const;

/** Resource index of an app on a host. */
export const resourceIndex = (app: number, host: number) => app * HOSTS.length + host;

/** One resource per (app, host): what an OTel SDK in that process would attach. */
export const RESOURCES: readonly KeyValue[][] = APPS.flatMap((app, a) =>
  HOSTS.map((host, h) =>
    attributes({
      "service.name": app.service,
      "service.version": `1.${4 + a}.${h}`,
      "service.namespace": "agents",
      "service.instance.id": `${app.service}-${host}`,
      "deployment.environment.name": "production",
      "host.name": host,
      "host.arch": "amd64",
      "process.pid": 4100 + a * 10 + h,
      "process.runtime.name": "nodejs",
      "process.runtime.version": "20.19.0",
      "telemetry.sdk.name": "opentelemetry",
      "telemetry.sdk.language": "nodejs",
      "telemetry.sdk.version": "2.12.0",
    }),
  ),
);

export const SCOPE = { name: "@hindsight/instrumentation", version: "0.1.0" };
