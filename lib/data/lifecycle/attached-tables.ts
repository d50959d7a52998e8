// Everything stored about a trace, beside its summary row: the one list that deleting a trace (on
// request or by retention) works through. A feature that stores rows per trace adds its table here,
// keyed by ("projectId", "traceId") as its leading columns so each delete is an index range.
// trace_facets is not listed: its key starts with the facet value, so it is deleted row by row from
// the trace's summary instead (delete-trace-rows.ts). Rollups (metric_rollups, finding_rollups, approval_rollups, score_rollups) are not
// listed either: retention keeps them, and a deletion takes the trace's contribution out of them
// (delete-traces.ts). model_variants keeps the first sighting of a model even when its trace is deleted:
// the model change happened. A retro keeps naming a deleted trace (retro_traces): the report stands.
export const TRACE_ATTACHED_TABLES = ["spans", "span_logs", "trace_covered_spans", "trace_frontier", "trace_map_states", "trace_map_spans", "trace_findings", "trace_analyses", "findings_queue", "tool_calls", "approvals", "trace_models", "scores", "trace_comments", "trace_tags", "share_links", "evaluator_runs", "evaluation_queue"] as const;

/** Deleted last, so a purge interrupted half-way leaves the trace listed and finds it again next time. */
export const TRACE_SUMMARY_TABLE = "traces";
