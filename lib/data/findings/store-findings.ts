import "server-only";
// Replaces analysed traces' findings, a batch of traces per transaction. For each trace: its
// trace_findings rows, the failure mode and finding counts on its trace row (the list filters), its
// analysis row (rollup keys and step sequence), and the findings rollups, moved from the contribution
// counted last time to the new one. Its claim is checked first (a server whose lease ran out and was
// taken over writes nothing) and finished last. On PostgreSQL the traces' ingest locks are held
// throughout, so an ingest commit of the same trace and this write never interleave.
import { getSql } from "@/lib/db/connections";
import type { Sql, SqlValue } from "@/lib/db/sql";
import type { ProjectScope } from "@/lib/data/scope";
import {
  contributionChange,
  findingContributions,
  mergeDeltas,
  type FindingBasis,
  type FindingRollupDelta,
  type RolledFinding,
} from "@/lib/analytics/finding-rollups";
import { summariseFindings, type FailureMode, type Finding, type FindingType } from "@/lib/retro";
import { applyFindingRollups } from "./finding-rollup-writer";
import { finishClaim, holdsClaim, type FindingsClaim } from "./findings-queue";

const FINDING_COLUMNS = [
  "projectId",
  "traceId",
  "ordinal",
  "type",
  "failureMode",
  "toolName",
  "agents",
  "spanIds",
  "count",
  "wastedMs",
  "wastedCostUsd",
  "message",
] as const;
const ANALYSIS_COLUMNS = ["projectId", "traceId", "analysedAtMs", "startMs", "task", "agent", "userId", "steps"] as const;

type TraceKeys = { name: string; startNs: unknown; agentName: string | null; userId: string | null };
type AnalysisRow = { startMs: unknown; task: string; agent: string | null; userId: string | null };
type StoredFindingRow = { type: string; failureMode: string | null; toolName: string | null; wastedMs: unknown; wastedCostUsd: unknown };

export type StoreOutcome = "stored" | "unchanged" | "lost-claim" | "no-trace";

/** One analysed trace: the claim it was analysed under, its findings and its step sequence. */
export type TraceAnalysisResult = { claim: FindingsClaim; findings: readonly Finding[]; steps: readonly string[] };

/**
 * Stores analysed traces under their claims and ends the claims, all in one transaction: a commit per
 * batch rather than per trace (each commit is a WAL flush), and the rollup deltas of the whole batch
 * merged into one upsert per row. Outcomes are in the order of `results`.
 */
export async function storeTraceAnalyses(scope: ProjectScope, results: readonly TraceAnalysisResult[], nowMs: number): Promise<StoreOutcome[]> {
  const { projectId } = scope;
  if (results.length === 0) return [];
  return getSql().transaction(async (tx) => {
    if (tx.dialect === "postgres") {
      // The ingest lock of each trace (sorted, as ingest takes them, so the two never deadlock).
      const keys = results.map((r) => `${projectId}/${r.claim.traceId}`);
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext(t)) FROM (SELECT json_array_elements_text(?::json) AS t ORDER BY 1) ids`, [JSON.stringify(keys)]);
    }
    const rollups: FindingRollupDelta[] = [];
    const outcomes: StoreOutcome[] = [];
    for (const result of results) outcomes.push(await storeOne(tx, projectId, result, rollups, nowMs));
    await applyFindingRollups(tx, projectId, mergeDeltas(rollups));
    return outcomes;
  });
}

async function storeOne(tx: Sql, projectId: string, { claim, findings, steps }: TraceAnalysisResult, rollups: FindingRollupDelta[], nowMs: number): Promise<StoreOutcome> {
  const { traceId } = claim;
  if (!(await holdsClaim(tx, projectId, claim))) return "lost-claim";
  const trace = (
    await tx.query<TraceKeys>(`SELECT "name", "startNs", "agentName", "userId" FROM "traces" WHERE "projectId" = ? AND "traceId" = ?`, [projectId, traceId])
  )[0];
  if (!trace) {
    await finishClaim(tx, projectId, claim, nowMs);
    return "no-trace";
  }
  const basis: FindingBasis = { startMs: Number(BigInt(trace.startNs as bigint) / 1_000_000n), task: trace.name, agent: trace.agentName, userId: trace.userId };
  const previous = await readPrevious(tx, projectId, traceId);
  const findingRows = findings.map((finding, ordinal) => findingRow(projectId, traceId, ordinal, finding));
  const isUnchanged = previous.basis !== null && sameBasis(previous.basis, basis) && sameFindings(previous.rows, findingRows);
  if (!isUnchanged) {
    const before = previous.basis ? findingContributions(previous.findings, previous.basis) : new Map<string, FindingRollupDelta>();
    rollups.push(...contributionChange(before, findingContributions(findings.map(rolledOf), basis)));
    if (previous.rows.length > 0) await tx.run(`DELETE FROM "trace_findings" WHERE "projectId" = ? AND "traceId" = ?`, [projectId, traceId]);
    await tx.insertMany("trace_findings", FINDING_COLUMNS, findingRows, `("projectId", "traceId", "ordinal") DO NOTHING`);
    const { failureMode, findingCounts } = summariseFindings(findings);
    await tx.run(
      `UPDATE "traces" SET "failureMode" = ?, "toolLoopCount" = ?, "agentCycleCount" = ?, "repeatedLlmCallCount" = ? WHERE "projectId" = ? AND "traceId" = ?`,
      [failureMode, findingCounts.tool_loop, findingCounts.agent_cycle, findingCounts.repeated_llm_call, projectId, traceId],
    );
  }
  const analysis: SqlValue[] = [projectId, traceId, nowMs, basis.startMs, basis.task, basis.agent, basis.userId, JSON.stringify(steps)];
  await tx.insertMany("trace_analyses", ANALYSIS_COLUMNS, [analysis], `("projectId", "traceId") DO UPDATE SET ${ANALYSIS_UPDATE}`);
  await finishClaim(tx, projectId, claim, nowMs);
  return isUnchanged ? "unchanged" : "stored";
}

const ANALYSIS_UPDATE = ANALYSIS_COLUMNS.slice(2)
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ");

async function readPrevious(
  tx: Sql,
  projectId: string,
  traceId: string,
): Promise<{ basis: FindingBasis | null; findings: RolledFinding[]; rows: SqlValue[][] }> {
  const [analysis] = await tx.query<AnalysisRow>(`SELECT "startMs", "task", "agent", "userId" FROM "trace_analyses" WHERE "projectId" = ? AND "traceId" = ?`, [
    projectId,
    traceId,
  ]);
  const rows = await tx.query<StoredFindingRow & Record<string, unknown>>(
    `SELECT ${FINDING_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "trace_findings" WHERE "projectId" = ? AND "traceId" = ? ORDER BY "ordinal"`,
    [projectId, traceId],
  );
  return {
    basis: analysis ? { startMs: Number(analysis.startMs), task: analysis.task, agent: analysis.agent, userId: analysis.userId } : null,
    findings: rows.map((row) => ({
      type: row.type,
      failureMode: row.failureMode,
      toolName: row.toolName,
      wastedMs: Number(row.wastedMs),
      wastedCostUsd: row.wastedCostUsd === null ? null : Number(row.wastedCostUsd),
    })),
    rows: rows.map((row) => FINDING_COLUMNS.map((c) => normalise(row[c]))),
  };
}

function findingRow(projectId: string, traceId: string, ordinal: number, f: Finding): SqlValue[] {
  return [
    projectId,
    traceId,
    ordinal,
    f.type,
    f.failureMode ?? null,
    f.toolName ?? null,
    f.agents ? JSON.stringify(f.agents) : null,
    JSON.stringify(f.spanIds),
    f.count,
    f.wastedMs,
    f.wastedCostUsd,
    f.message ?? null,
  ];
}

const rolledOf = (f: Finding): RolledFinding => ({ type: f.type, toolName: f.toolName, failureMode: f.failureMode, wastedMs: f.wastedMs, wastedCostUsd: f.wastedCostUsd });

/** Driver values in one comparable form: SQLite returns integers as bigint, PostgreSQL int4 as number. */
const normalise = (value: unknown): SqlValue => (typeof value === "bigint" ? Number(value) : (value as SqlValue));

function sameFindings(stored: readonly SqlValue[][], next: readonly SqlValue[][]): boolean {
  return stored.length === next.length && stored.every((row, i) => row.every((value, c) => value === normalise(next[i]![c])));
}

const sameBasis = (a: FindingBasis, b: FindingBasis) => a.startMs === b.startMs && a.task === b.task && a.agent === b.agent && a.userId === b.userId;

/** A stored finding row back as the API's Finding. */
export function toFinding(row: Record<string, unknown>): Finding {
  const finding: Finding = {
    type: row.type as FindingType,
    spanIds: JSON.parse(String(row.spanIds)) as string[],
    count: Number(row.count),
    wastedMs: Number(row.wastedMs),
    wastedCostUsd: row.wastedCostUsd === null ? null : Number(row.wastedCostUsd),
  };
  if (row.toolName !== null) finding.toolName = String(row.toolName);
  if (row.agents !== null) finding.agents = JSON.parse(String(row.agents)) as string[];
  if (row.failureMode !== null) finding.failureMode = row.failureMode as FailureMode;
  if (row.message !== null) finding.message = String(row.message);
  return finding;
}
