import "server-only";
// The Quality dashboard: for one score (default: the most frequent in the window), its mean and pass rate
// per task, agent or model over the window, each group against the previous period, with CUSUM change
// points (lib/quality/quality-dashboard.ts). Figures come from the score rollups.
import { alignDown, alignUp, BUCKET_MS } from "@/lib/analytics/buckets";
import { pickChartBucket } from "@/lib/analytics/dashboard-shape";
import type { ProjectScope } from "@/lib/data/scope";
import { getScoreSums } from "@/lib/data/quality/score-metrics";
import { buildQualityRows, type QualityGroupBy, type QualityRow } from "@/lib/quality/quality-dashboard";
import { SCORE_BUCKETS, type ScoreBucket } from "@/lib/quality/score-metrics-params";
import type { DashboardWindow } from "./dashboard-window";

export type QualityDashboard = {
  bucket: ScoreBucket;
  bucketMs: number;
  startMs: number;
  endMs: number;
  /** Score names in the window, most frequent first, with their counts. */
  names: { name: string; count: number }[];
  name: string | null;
  rows: QualityRow[];
};

export async function getQualityDashboard(scope: ProjectScope, window: DashboardWindow, groupBy: QualityGroupBy, requestedName?: string): Promise<QualityDashboard> {
  const bucket = pickChartBucket(window.fromMs, window.toMs, SCORE_BUCKETS);
  const bucketMs = BUCKET_MS[bucket];
  const startMs = alignDown(window.fromMs, bucketMs);
  const endMs = alignUp(window.toMs, bucketMs);
  const previousStartMs = startMs - (endMs - startMs);
  const byName = await getScoreSums(scope, { fromMs: startMs, toMs: endMs, bucket, groupBy: "name" });
  const counts = new Map<string, number>();
  for (const row of byName) counts.set(row.group, (counts.get(row.group) ?? 0) + row.count);
  const names = [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  const name = requestedName && (counts.has(requestedName) || names.length === 0) ? requestedName : (names[0]?.name ?? null);
  if (name === null) return { bucket, bucketMs, startMs, endMs, names, name, rows: [] };
  const sums = await getScoreSums(scope, { fromMs: previousStartMs, toMs: endMs, bucket, groupBy, name });
  return { bucket, bucketMs, startMs, endMs, names, name, rows: buildQualityRows(sums, { previousStartMs, startMs, endMs, bucketMs }) };
}
