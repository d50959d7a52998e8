// Query and path parameters of the document, made from the very schemas the routes validate with
// (each parameter validated on its own, all optional) plus a description per parameter. The
// description maps must name exactly the route's parameters: a parameter added to a route without a
// description here fails the type check.
import { z } from "zod";
import { AUDIT_LOG_PARAMS } from "@/lib/access/audit-log-params";
import { SLUG_PATTERN } from "@/lib/access/slug";
import { INCIDENT_PARAMS } from "@/lib/alerts/incident-params";
import { DRIFT_PARAMS } from "@/lib/analytics/drift-params";
import { COST_PARAMS, DEFAULT_TOP, FINDINGS_PARAMS, LATENCY_PARAMS, MAX_TOP } from "@/lib/analytics/metrics-params";
import { modelKeySchema } from "@/lib/pricing/price-input";
import { DIFF_PARAMS } from "@/lib/trace/diff-params";
import { SCORE_LIST_PARAMS } from "@/lib/quality/score-input";
import { SCORE_METRICS_PARAMS } from "@/lib/quality/score-metrics-params";
import { TAG_METRICS_PARAMS } from "@/lib/analytics/tag-metrics-params";
import { GRAPH_PARAMS } from "@/lib/analytics/graph/graph-params";
import { TRACE_LIST_PARAMS, traceIdSchema } from "@/lib/trace/trace-params";
import { APPROVAL_PARAMS } from "@/lib/analytics/approval-series";
import { MODEL_CHANGE_PARAMS } from "@/lib/analytics/model-change-params";
import { TOOL_CALL_PARAMS } from "@/lib/trace/tool-call-params";
import { APPROVAL_LIST_PARAMS } from "@/lib/trace/approval-list-params";

/** A description, or one with how the text reads (a time, a number) where the schema sees only text. */
type ParamDoc = string | { description: string; format?: "date-time"; example?: string; type?: "number"; minimum?: number };
type Docs<P> = { [K in keyof P]: ParamDoc };

/** The optional query parameters `params`, each with its description. */
function query<P extends Record<string, z.ZodType>>(params: P, docs: Docs<P>): z.ZodObject {
  const shape = Object.fromEntries(
    Object.entries(params).map(([name, schema]) => {
      const doc = docs[name as keyof P];
      return [name, schema.optional().meta(typeof doc === "string" ? { description: doc } : doc)];
    }),
  );
  return z.object(shape);
}

const time = (description: string) => ({ description, format: "date-time" as const, example: "2026-11-21T10:00:00Z" });
const text = (what: string) => `${what}, exact match.`;
const amount = (description: string) => ({ description, type: "number" as const, minimum: 0 });

export const traceListQuery = query(TRACE_LIST_PARAMS, {
  limit: "Traces per page, 1–500 (default 50).",
  cursor: "The `nextCursor` of the previous page.",
  from: time("Traces that started at or after this time."),
  to: time("Traces that started before this time."),
  q: "Full text over span names, inputs, outputs and error messages (case-insensitive substring).",
  status: "`error`: traces with an errored span; `ok`: the others.",
  name: text("Trace name (the root operation: the task)"),
  agent: text("An agent of the trace"),
  model: text("A model called in the trace"),
  tool: text("A tool called in the trace"),
  graphNode: "A node id of the pipeline map (`GET /api/v1/graph`): traces that ran through it.",
  graphEdge: "An edge id of the pipeline map (`GET /api/v1/graph`): traces that took it.",
  sessionId: text("Session id"),
  userId: text("End-user id"),
  minCostUsd: amount("Lowest trace cost in USD (unpriced traces are left out)."),
  maxCostUsd: amount("Highest trace cost in USD."),
  minDurationMs: amount("Shortest trace duration in ms."),
  maxDurationMs: amount("Longest trace duration in ms."),
  finding: "Traces with at least one finding of this type (retro analysis).",
  failureMode: "Traces whose first real failure is of this mode.",
  sort: "Order by start time (default), duration or cost.",
  order: "`desc` (default) or `asc`.",
  tag: "A tag on the trace, exact match; repeat the parameter to require several (all must match).",
  traceId: "Only this trace; repeat the parameter (at most 500 times) for any of several, e.g. to export a selection.",
});

const metricsDocs = (groupBy: string) => ({
  from: time("Start of the range, inclusive (default: `to` − 24 h)."),
  to: time("End of the range, exclusive (default: now)."),
  bucket: "Bucket size (default: the finest allowed one giving a readable number of buckets); a range of too many buckets is refused.",
  groupBy,
});

export const latencyQuery = query(
  LATENCY_PARAMS,
  metricsDocs("`name` (default) and `agent` group whole traces by trace name or outermost agent; `tool`, `model` and `kind` group spans."),
);

export const costQuery = query(COST_PARAMS, {
  ...metricsDocs("`task` (default: the trace name), `agent`, `user`, `session` group whole traces; `model` sums that model's LLM calls."),
  top: {
    description: `Keep the N costliest groups of the range (1–${MAX_TOP}, default ${DEFAULT_TOP}; ties: more traces first, then by name) and sum every other group into one \`(other)\` point per bucket, so totals stay exact; \`all\` keeps every group.`,
    example: "20",
  },
});

export const findingsQuery = query(
  FINDINGS_PARAMS,
  metricsDocs(
    "`type` (default: the finding type), `failureMode` (failures only), `task` (the trace name), `agent` (the outermost agent) or `tool` (tool loops and tool failures).",
  ),
);

/** Both required (unlike the other queries' parameters). */
export const diffQuery = z.object({
  a: DIFF_PARAMS.a.meta({ description: "Run a: a trace id.", example: "4bf92f3577b34da6a3ce929d0e0e4736" }),
  b: DIFF_PARAMS.b.meta({ description: "Run b: a trace id, or `baseline` for the most similar successful run of a's task in the 7 days before a." }),
});

export const driftQuery = query(DRIFT_PARAMS, {
  ...metricsDocs("`task` (default: the trace name) or `agent` (the outermost agent)."),
  bucket: "`1h` (default, unless that gives too many buckets) or `1d`.",
  group: "Only this task or agent.",
});

export const approvalQuery = query(
  APPROVAL_PARAMS,
  metricsDocs("`action` (default: what was approved), `agent` (the nearest agent above the approval) or `approver`; approvals without one are left out."),
);

export const toolCallQuery = query(TOOL_CALL_PARAMS, {
  limit: "Calls per page, 1–500 (default 50).",
  cursor: "The `nextCursor` of the previous page.",
  from: time("Calls that started at or after this time."),
  to: time("Calls that started before this time."),
  tool: text("Tool name"),
  server: text("MCP server (`server.address[:port]`, the configured server name, or the server's service name)"),
  agent: text("Agent (the nearest agent at or above the call)"),
  userId: text("End-user id of the run"),
  effect: "`write`: calls declared `hindsight.tool.effect=write` or, undeclared, of a tool in the project's write tools; `read`: calls declared read.",
  status: "`error`: failed calls; `ok`: the others.",
  withoutApproval: "`true`: write calls whose run (trace) holds no approval with the decision `approved`.",
});

export const approvalListQuery = query(APPROVAL_LIST_PARAMS, {
  limit: "Requests per page, 1–500 (default 50).",
  cursor: "The `nextCursor` of the previous page.",
  from: time("Requests asked for at or after this time."),
  to: time("Requests asked for before this time."),
  decision: "Only this decision: `approved`, `rejected`, `timed_out` or `escalated`.",
  action: text("What was to be approved (`hindsight.approval.action`, e.g. the tool)"),
  agent: text("Agent (the nearest agent above the approval)"),
  approver: text("Who decided"),
  task: text("Task (trace name)"),
  userId: text("End-user id of the run"),
});

export const modelChangeQuery = query(MODEL_CHANGE_PARAMS, {
  from: time("Changes first seen at or after this time (default: `to` − 7 days)."),
  to: time("Changes first seen before this time (default: now)."),
  task: text("Task (trace name)"),
});

export const scoreListQuery = query(SCORE_LIST_PARAMS, {
  traceId: "Only this trace's scores.",
  name: text("Score name"),
  source: "Only scores from this source.",
  from: time("Scores recorded at or after this time."),
  to: time("Scores recorded before this time."),
  cursor: "The `nextCursor` of the previous page.",
  limit: "Scores per page, 1–500 (default 100).",
});

export const scoreMetricsQuery = query(SCORE_METRICS_PARAMS, {
  ...metricsDocs(
    "`name` (default: one group per score name), or the `task` (trace name), `agent` (outermost agent) or `model` of the scored trace (a span's score: its own model when it is a call; a trace's: each model it used).",
  ),
  bucket: "`1h` or `1d` (default: `1h` unless that gives too many buckets).",
  name: "Only scores of this name (recommended with groupBy task, agent or model, which otherwise mix every score).",
});

export const tagMetricsQuery = query(TAG_METRICS_PARAMS, {
  from: time("Start of the range, inclusive (default: `to` − 24 h)."),
  to: time("End of the range, exclusive (default: now)."),
  bucket: "`1h` or `1d` (default: `1h` unless that gives too many buckets); a range of too many buckets is refused.",
  limit: { description: "How many tags: those carried by the most traces over the whole range (default 10, at most 50).", type: "number", minimum: 1 },
});

export const graphQuery = query(GRAPH_PARAMS, {
  from: time("Start of the range (default: `to` − 24 h); whole UTC hours overlapping the range count."),
  to: time("End of the range (default: now)."),
  task: "Only traces of this task (trace name).",
  agent: "Only this agent's edges: its runs, what it calls, hands off to or is handed by.",
  compareFrom: time("Start of a period to compare with (with `compareTo`)."),
  compareTo: time("End of the period to compare with."),
});

export const incidentQuery = query(INCIDENT_PARAMS, {
  state: "Only open or only resolved incidents.",
  ruleId: "Only this rule's incidents.",
  limit: "At most this many, newest first (default 100).",
});

export const auditLogQuery = query(AUDIT_LOG_PARAMS, {
  from: time("Events at or after this time."),
  to: time("Events before this time."),
  cursor: "The `nextCursor` of the previous page.",
});

const slug = z.string().regex(SLUG_PATTERN).meta({ description: "The project's slug.", example: "default" });

export const pathParams = {
  traceId: z.object({ traceId: traceIdSchema.meta({ description: "32 hexadecimal characters.", example: "4bf92f3577b34da6a3ce929d0e0e4736" }) }),
  model: z.object({ model: modelKeySchema.meta({ description: "A price-table key: a lower-case model name without snapshot suffix.", example: "gpt-4o" }) }),
  ruleId: z.object({ id: z.string().meta({ description: "The alert rule's id." }) }),
  slug: z.object({ slug }),
  slugAndKey: z.object({ slug, id: z.string().meta({ description: "The API key's id." }) }),
  slugAndUser: z.object({ slug, userId: z.string().meta({ description: "The member's user id." }) }),
};
