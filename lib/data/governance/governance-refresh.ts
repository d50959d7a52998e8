import "server-only";
// Keeps the governance tables in step with the spans, inside the ingest transaction that stored them
// (after the trace summaries, so each trace's task and user are current):
// - tool_calls: one row per tool span, for the audit (filters by tool, agent, user, server, effect, status,
//   and whether the run had an approved approval);
// - approvals and approval_rollups: one row per approval span and its exact contribution to the rollups;
// - trace_models and model_variants: the responses each task and requested model got, for model changes.
//
// Design
// - Facts of a span itself (approval decision, tool effect, MCP server, requested and response model) come
//   with its record from normalisation and are written once. Facts of the trace (task, user, approved run, and
//   the agent above a span) are taken again whenever spans of the trace arrive, because a late root renames
//   the trace and a late agent span adopts the calls under it. Stored rows are the "before": only rows that
//   differ are written, and an approval's rollup contribution moves from its stored facts to its new ones.
// - Reads are per batch (stored rows, trace contexts), plus, per trace that needs one, an upward walk of
//   parent links for the agent: never the trace's whole span list, so long traces stay cheap to extend.
//   Stored tool calls are read only while they have no agent (the rows a commit can change), unless the
//   trace's user or approved run changed, which every tool call of the trace carries.
//   The walk goes through the spans this commit inserted first and reads the database only for the spans
//   whose ancestry leaves them (a whole trace sent in one request never needs it).
// - Approval rollups and first sightings are read-modified-written: on PostgreSQL under the rollup writer's
//   advisory lock (taken after the trace locks, like writeRollups, which takes it again at no cost).
import type { Sql } from "@/lib/db/sql";
import type { SpanIdsByTrace } from "@/lib/analytics/changes";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { deriveGovernanceRows, emptyStoredGovernance, governanceChanges, spansNeedingAgent, type GovernanceSpan } from "@/lib/trace/governance-rows";
import { writeApprovals } from "./approval-writer";
import { agentsAbove, type SpanLink } from "@/lib/trace/agents-above";
import { MAX_AGENT_DEPTH, readAgentsAbove, readAllToolCalls, readStoredGovernance, readToolCallContexts, readTraceContexts } from "./stored-governance";
import { writeToolCalls } from "./tool-call-writer";
import { writeTraceModels } from "./trace-model-writer";

// Two-int4 key of lib/data/analytics/rollup-writer.ts's lock: one writer of rollups at a time.
const PG_ROLLUP_LOCK = "SELECT pg_advisory_xact_lock(1751607912, 1)";

/** The first stored copy of each inserted span that carries governance facts, by trace. */
function freshSpans(batchSpans: readonly SpanRecord[], inserted: SpanIdsByTrace): Map<string, GovernanceSpan[]> {
  const byTrace = new Map<string, GovernanceSpan[]>();
  const seen = new Set<string>();
  for (const span of batchSpans) {
    if (!span.governance || !inserted.get(span.traceId)?.has(span.spanId)) continue;
    const key = `${span.traceId}:${span.spanId}`;
    if (seen.has(key)) continue; // a batch may carry a span twice: the first copy is the stored one
    seen.add(key);
    let list = byTrace.get(span.traceId);
    if (!list) byTrace.set(span.traceId, (list = []));
    list.push(span);
  }
  return byTrace;
}

/** Parent links and agent names of the spans this commit inserted (first copies), for the traces in `work`. */
function insertedLinks(batchSpans: readonly SpanRecord[], inserted: SpanIdsByTrace, work: ReadonlySet<string>): Map<string, Map<string, SpanLink>> {
  const byTrace = new Map<string, Map<string, SpanLink>>();
  for (const span of batchSpans) {
    if (!work.has(span.traceId) || !inserted.get(span.traceId)?.has(span.spanId)) continue;
    let links = byTrace.get(span.traceId);
    if (!links) byTrace.set(span.traceId, (links = new Map<string, SpanLink>()));
    if (!links.has(span.spanId)) links.set(span.spanId, { parentSpanId: span.parentSpanId, agentName: span.agentName });
  }
  return byTrace;
}

async function agentsOf(tx: Sql, projectId: string, traceId: string, spanIds: readonly string[], links: ReadonlyMap<string, SpanLink> | undefined) {
  if (spanIds.length === 0) return new Map<string, string | null>();
  const { found, undecided } = agentsAbove(links ?? new Map<string, SpanLink>(), spanIds, MAX_AGENT_DEPTH);
  for (const [spanId, agent] of await readAgentsAbove(tx, projectId, traceId, undecided)) found.set(spanId, agent);
  return found;
}

/** Updates the governance rows of the traces this transaction inserted spans into (call inside it). */
export async function refreshGovernance(tx: Sql, projectId: string, batchSpans: readonly SpanRecord[], inserted: SpanIdsByTrace): Promise<void> {
  if (inserted.size === 0) return;
  const fresh = freshSpans(batchSpans, inserted);
  const traceIds = [...inserted.keys()].sort();
  const stored = await readStoredGovernance(tx, projectId, traceIds, "unresolved");
  const toolContexts = await readToolCallContexts(tx, projectId, traceIds);
  const work = traceIds.filter((id) => fresh.has(id) || stored.has(id) || toolContexts.has(id));
  if (work.length === 0) return;
  const contexts = await readTraceContexts(tx, projectId, work);
  const links = insertedLinks(batchSpans, inserted, new Set(work));
  const changes = [];
  for (const traceId of work) {
    const trace = contexts.get(traceId);
    if (!trace) continue;
    const spans = fresh.get(traceId) ?? [];
    const before = stored.get(traceId) ?? emptyStoredGovernance();
    const agents = await agentsOf(tx, projectId, traceId, spansNeedingAgent(spans, before), links.get(traceId));
    const agentOf = (spanId: string) => agents.get(spanId) ?? null;
    let rows = deriveGovernanceRows(spans, before, trace, agentOf);
    const toolContext = toolContexts.get(traceId);
    const runApproved = rows.approvals.some((a) => a.decision === "approved");
    if (toolContext && (toolContext.userId !== trace.userId || toolContext.runApproved !== runApproved)) {
      // The trace's user or approved run changed (a late root, a first approval): every stored tool call changes.
      for (const [spanId, row] of await readAllToolCalls(tx, projectId, traceId)) if (!before.toolCalls.has(spanId)) before.toolCalls.set(spanId, row);
      rows = deriveGovernanceRows(spans, before, trace, agentOf);
    }
    changes.push({ traceId, ...governanceChanges(rows, before) });
  }
  if (!changes.some((c) => c.toolCalls.length || c.approvals.length || c.models.length)) return;
  if (tx.dialect === "postgres") await tx.run(PG_ROLLUP_LOCK);
  await writeToolCalls(tx, projectId, changes);
  await writeApprovals(tx, projectId, changes);
  await writeTraceModels(tx, projectId, changes);
}
