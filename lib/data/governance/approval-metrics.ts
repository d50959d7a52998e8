import "server-only";
// Approval metrics per bucket and group, read from approval_rollups (never from spans).
import { BUCKET_MS, bucketSpan, GRANULARITY_MS, GRANULARITY_OF, type Granularity } from "@/lib/analytics/buckets";
import type { ApprovalDimension } from "@/lib/analytics/approval-rollup";
import { buildApprovalSeries, type ApprovalGroupBy, type ApprovalPoint, type ApprovalRollupRead } from "@/lib/analytics/approval-series";
import type { MetricsQuery } from "@/lib/analytics/metrics-params";
import { decodeBins } from "@/lib/analytics/sketch";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";

/** Stored rows of one dimension and granularity with startMs ≤ bucket < endMs and at least one request. */
export async function readApprovalRollups(
  scope: ProjectScope,
  query: { dimension: ApprovalDimension; granularity: Granularity; startMs: number; endMs: number; group?: string },
): Promise<ApprovalRollupRead[]> {
  const rows = await getPrisma().approvalRollup.findMany({
    where: {
      projectId: scope.projectId,
      dimension: query.dimension,
      granularity: query.granularity,
      bucketStartMs: { gte: BigInt(query.startMs), lt: BigInt(query.endMs) },
      requests: { gt: 0 },
      ...(query.group === undefined ? {} : { groupKey: query.group }),
    },
  });
  return rows.map((r) => ({
    bucketStartMs: Number(r.bucketStartMs),
    group: r.groupKey,
    requests: r.requests,
    approved: r.approved,
    rejected: r.rejected,
    timedOut: r.timedOut,
    escalated: r.escalated,
    waitSumMs: r.waitSumMs,
    maxWaitMs: r.maxWaitMs,
    p50WaitMs: r.p50WaitMs,
    p95WaitMs: r.p95WaitMs,
    bins: decodeBins(r.bins),
  }));
}

/** Approval points for the whole buckets overlapping [from, to). */
export async function getApprovalSeries(scope: ProjectScope, query: MetricsQuery<ApprovalGroupBy>): Promise<ApprovalPoint[]> {
  const { startMs, endMs } = bucketSpan(query.fromMs, query.toMs, query.bucket);
  const granularity = GRANULARITY_OF[query.bucket];
  const rows = await readApprovalRollups(scope, { dimension: query.groupBy, granularity, startMs, endMs });
  return buildApprovalSeries(rows, BUCKET_MS[query.bucket], GRANULARITY_MS[granularity]);
}
