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
import { readRollupRows } from "./rollup-rows";
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
  const groups = new Map<string, DriftRollup[]>();
  const numbers = ["count", "errorCount", "llmCallCount", "toolCallCount", "costUsd", "inputTokens", "outputTokens", "maxMs"] as const;
  const range = { dimension: DRIFT_DIMENSION[query.groupBy], granularity: query.bucket, startMs: fromMs, endMs: toMs };
  // The raw read connection (./rollup-rows.ts): two windows of hourly rows with histograms per group
  // are thousands of rows, which Prisma turned into objects at several times the cost.
  await readRollupRows(scope, { ...range, numbers, withBins: true, ...(query.group ? { groups: [query.group] } : {}) }, (group, bucketStartMs, n, bins) => {
    const row: DriftRollup = {
      bucketStartMs,
      count: n[0]!,
      errorCount: n[1]!,
      llmCallCount: n[2]!,
      toolCallCount: n[3]!,
      costUsd: n[4]!,
      inputTokens: n[5]!,
      outputTokens: n[6]!,
      maxMs: n[7]!,
      bins: bins ?? "{}",
    };
    const list = groups.get(group);
    if (list) list.push(row);
    else groups.set(group, [row]);
  });
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

type Built = { report: Omit<DriftGroupReport, "whatChanged">; rows: readonly DriftRollup[]; sides: ReturnType<typeof buildGroupReport>["sides"] };
export type DriftOverview = Omit<DriftAnswer, "data"> & { data: Omit<DriftGroupReport, "whatChanged">[] };

/** Every group's report but "what changed" (which reads spans), most expensive first. */
async function buildReports(scope: ProjectScope, query: DriftQuery): Promise<{ header: Omit<DriftAnswer, "data">; built: Built[] }> {
  const r = driftRanges(query.fromMs, query.toMs, query.bucket);
  const groups = await readRollups(scope, query, Math.min(r.previousStartMs, r.trailingStartMs), r.endMs);
  const built: Built[] = [];
  for (const [group, rows] of groups) {
    const { report, sides } = buildGroupReport(group, rows, r);
    if (report.current.runs > 0) built.push({ report, rows, sides });
  }
  built.sort((a, b) => b.report.current.costUsd - a.report.current.costUsd || (a.report.group < b.report.group ? -1 : a.report.group > b.report.group ? 1 : 0));
  const header = {
    window: { from: iso(r.startMs), to: iso(r.endMs), bucket: query.bucket, groupBy: query.groupBy },
    baselines: { previous: { from: iso(r.previousStartMs), to: iso(r.startMs) }, trailing7d: { from: iso(r.trailingStartMs), to: iso(r.startMs) } },
  };
  return { header, built };
}

/** A group's report with "what changed": the model mix and retries of sampled runs on either side. */
async function withWhatChanged(scope: ProjectScope, query: DriftQuery, { report, rows, sides }: Built): Promise<DriftGroupReport> {
  const [before, after] = await Promise.all([readSample(scope, query, report.group, sides.before), readSample(scope, query, report.group, sides.after)]);
  return { ...report, whatChanged: { basis: sides.basis, before: changeSide(rows, sides.before, before), after: changeSide(rows, sides.after, after) } };
}

/** The drift report of every task or agent with runs in the window, most expensive first. */
export async function getDrift(scope: ProjectScope, query: DriftQuery): Promise<DriftAnswer> {
  const { header, built } = await buildReports(scope, query);
  const data: DriftGroupReport[] = [];
  // One group at a time: on SQLite the reads share one connection anyway, and the 2-core budget of
  // a small server is better spent finishing groups than interleaving them.
  for (const group of built) data.push(await withWhatChanged(scope, query, group));
  return { ...header, data };
}

/**
 * Every group's report without "what changed", and the full report of the one group `pick` chooses
 * (the dashboard shows "what changed" of one group only, and its span reads are most of the cost).
 */
export async function getDriftOverview(
  scope: ProjectScope,
  query: DriftQuery,
  pick: (reports: readonly Omit<DriftGroupReport, "whatChanged">[]) => Omit<DriftGroupReport, "whatChanged"> | undefined,
): Promise<DriftOverview & { picked: DriftGroupReport | null }> {
  const { header, built } = await buildReports(scope, query);
  const reports = built.map((b) => b.report);
  const chosen = pick(reports);
  const picked = chosen ? await withWhatChanged(scope, query, built[reports.indexOf(chosen)]!) : null;
  return { ...header, data: reports, picked };
}
