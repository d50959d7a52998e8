// What the store writes for one span: normalised columns plus the raw attributes as JSON text.
import type { CostSource, Kind, Status } from "@/lib/trace/types";
import type { GovernanceFacts } from "./governance-facts";

export type SpanRecord = {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: Kind;
  spanKind: number;
  serviceName: string | null;
  scopeName: string | null;
  resourceId: string;
  startNs: bigint;
  endNs: bigint;
  durationMs: number;
  status: Status;
  statusMessage: string | null;
  model: string | null;
  provider: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  costUsd: number | null;
  costSource: CostSource | null;
  toolName: string | null;
  toolCallId: string | null;
  agentName: string | null;
  sessionId: string | null;
  userId: string | null;
  /** JSON text of the parsed input/output, or null when the span carries none. */
  input: string | null;
  output: string | null;
  attributes: string;
  events: string;
  links: string | null;
  /** Approval, tool-effect and model facts (governance-facts.ts); not a column of the spans table. */
  governance?: GovernanceFacts;
  /** The MCP server of an MCP span ("" when a client span names none), else null: lib/ingest/normalise-graph.ts. */
  mcpServer: string | null;
  /** What the pipeline map reads beyond the other columns (approval action, hand-off source), else null. */
  graphHint: string | null;
};

export type ResourceRecord = { id: string; attributes: string };

/** The spans table's columns that ingest writes (lib/data/ingest/store-batch.ts), in INSERT order; the raw-limit benchmark writes the same. */
export const SPAN_COLUMNS = [
  "projectId",
  "traceId",
  "spanId",
  "parentSpanId",
  "name",
  "kind",
  "spanKind",
  "serviceName",
  "scopeName",
  "resourceId",
  "startNs",
  "endNs",
  "durationMs",
  "status",
  "statusMessage",
  "model",
  "provider",
  "inputTokens",
  "outputTokens",
  "cacheReadTokens",
  "cacheWriteTokens",
  "reasoningTokens",
  "costUsd",
  "costSource",
  "toolName",
  "toolCallId",
  "agentName",
  "sessionId",
  "userId",
  "input",
  "output",
  "attributes",
  "events",
  "links",
  "mcpServer",
  "graphHint",
] as const satisfies readonly (keyof SpanRecord | "projectId")[];

/** A span's values in SPAN_COLUMNS order, position by position typed after its column. */
type StoredSpan = SpanRecord & { projectId: string };
type ValuesOf<Keys extends readonly (keyof StoredSpan)[]> = { -readonly [I in keyof Keys]: StoredSpan[Keys[I]] };
export type SpanRow = ValuesOf<typeof SPAN_COLUMNS>;

/**
 * A span's values in SPAN_COLUMNS order, stored in `projectId`. Spelt out rather than `SPAN_COLUMNS.map((c) => span[c])`: that
 * lookup by a varying key is megamorphic in V8 and cost the SQLite writer thread 2 % of its time.
 */
export function spanRow(projectId: string, s: SpanRecord): SpanRow {
  return [
    projectId,
    s.traceId,
    s.spanId,
    s.parentSpanId,
    s.name,
    s.kind,
    s.spanKind,
    s.serviceName,
    s.scopeName,
    s.resourceId,
    s.startNs,
    s.endNs,
    s.durationMs,
    s.status,
    s.statusMessage,
    s.model,
    s.provider,
    s.inputTokens,
    s.outputTokens,
    s.cacheReadTokens,
    s.cacheWriteTokens,
    s.reasoningTokens,
    s.costUsd,
    s.costSource,
    s.toolName,
    s.toolCallId,
    s.agentName,
    s.sessionId,
    s.userId,
    s.input,
    s.output,
    s.attributes,
    s.events,
    s.links,
    s.mcpServer,
    s.graphHint,
  ];
}
