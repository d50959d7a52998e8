import "server-only";
// GET /api/v1/drift: per task or agent, the window against its baselines, change points and "what
// changed" (lib/analytics/drift-report.ts). Bounded reads: the figures come from the hour or day
// rollups (window + max(window, 7 days) rows per group, never spans); only the model mix and retries
// read spans, of at most SAMPLE_RUNS runs per side, through the spans' (traceId, …) primary key.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { DRIFT_DIMENSION } from "@/lib/analytics/drift-params";
import type { DriftQuery } from "@/lib/analytics/drift-params";
import type { DriftRollup } from "@/lib/analytics/drift-figures";
import { buildGroupReport, changeSide, driftRanges, summariseSample, type DriftGroupReport, type SideRange } from "@/lib/analytics/drift-report";

/** Runs per side whose spans give the model mix and retries (the latest ones of the side). */
export const SAMPLE_RUNS = 200;

type Range = { from: string; to: string };
export type DriftAnswer = {
  window: Range & { bucket: DriftQuery["bucket"]; groupBy: DriftQuery["groupBy"] };
  baselines: { previous: Range; trailing7d: Range };
  data: DriftGroupReport[];
};

const iso = (ms: number) => new Date(ms).toISOString();
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

async function readRollups(scope: ProjectScope, query: DriftQuery, fromMs: number, toMs: number): Promise<Map<string, DriftRollup[]>> {
  const rows = await getPrisma().metricRollup.findMany({
    where: {
      projectId: scope.projectId,
      dimension: DRIFT_DIMENSION[query.groupBy],
      granularity: query.bucket,
      bucketStartMs: { gte: BigInt(fromMs), lt: BigInt(toMs) },
      count: { gt: 0 },
      ...(query.group ? { groupKey: query.group } : {}),
    },
    select: {
      groupKey: true,
      bucketStartMs: true,
      count: true,
      errorCount: true,
      llmCallCount: true,
      toolCallCount: true,
      costUsd: true,
      inputTokens: true,
      outputTokens: true,
      maxMs: true,
      bins: true,
    },
  });
  const groups = new Map<string, DriftRollup[]>();
  for (const r of rows) {
    const row: DriftRollup = {
      bucketStartMs: Number(r.bucketStartMs),
      count: r.count,
      errorCount: r.errorCount,
      llmCallCount: r.llmCallCount,
      toolCallCount: r.toolCallCount,
      costUsd: r.costUsd,
      inputTokens: Number(r.inputTokens),
      outputTokens: Number(r.outputTokens),
      maxMs: r.maxMs,
      bins: r.bins,
    };
    const list = groups.get(r.groupKey);
    if (list) list.push(row);
    else groups.set(r.groupKey, [row]);
  }
  return groups;
}

/** Model mix and retries of the latest SAMPLE_RUNS runs of `group` in `range`. */
async function readSample(scope: ProjectScope, query: DriftQuery, group: string, range: SideRange) {
  const prisma = getPrisma();
  const traces = await prisma.trace.findMany({
    where: { projectId: scope.projectId, ...(query.groupBy === "task" ? { name: group } : { agentName: group }), startNs: { gte: ns(range.fromMs), lt: ns(range.toMs) } },
    orderBy: { startNs: "desc" },
    take: SAMPLE_RUNS,
    select: { traceId: true },
  });
  if (traces.length === 0) return summariseSample([], 0);
  const counts = await prisma.span.groupBy({
    by: ["traceId", "kind", "model", "toolName", "name"],
    where: { projectId: scope.projectId, traceId: { in: traces.map((t) => t.traceId) }, kind: { in: ["llm", "embedding", "tool"] } },
    _count: { _all: true },
  });
  const rows = counts.map((c) => ({ traceId: c.traceId, kind: c.kind, model: c.model, tool: c.toolName ?? c.name, n: c._count._all }));
  return summariseSample(rows, traces.length);
}

/** The drift report of every task or agent with runs in the window, most expensive first. */
export async function getDrift(scope: ProjectScope, query: DriftQuery): Promise<DriftAnswer> {
  const r = driftRanges(query.fromMs, query.toMs, query.bucket);
  const groups = await readRollups(scope, query, Math.min(r.previousStartMs, r.trailingStartMs), r.endMs);
  const reports: DriftGroupReport[] = [];
  for (const [group, rows] of groups) {
    const { report, sides } = buildGroupReport(group, rows, r);
    if (report.current.runs === 0) continue;
    // One group at a time: on SQLite the reads share one connection anyway, and the 2-core budget of
    // a small server is better spent finishing groups than interleaving them.
    const [before, after] = await Promise.all([readSample(scope, query, group, sides.before), readSample(scope, query, group, sides.after)]);
    reports.push({
      ...report,
      whatChanged: { basis: sides.basis, before: changeSide(rows, sides.before, before), after: changeSide(rows, sides.after, after) },
    });
  }
  reports.sort((a, b) => b.current.costUsd - a.current.costUsd || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return {
    window: { from: iso(r.startMs), to: iso(r.endMs), bucket: query.bucket, groupBy: query.groupBy },
    baselines: { previous: { from: iso(r.previousStartMs), to: iso(r.startMs) }, trailing7d: { from: iso(r.trailingStartMs), to: iso(r.startMs) } },
    data: reports,
  };
}
