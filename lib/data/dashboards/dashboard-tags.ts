import "server-only";
// Tag counts on the Findings dashboard: the most used tags of the window, runs per bucket (each line opens
// the runs carrying the tag in that bucket) and in the whole window.
import { bucketSpan, BUCKET_MS } from "@/lib/analytics/buckets";
import { buildSeries, pivotTimeSeries } from "@/lib/analytics/dashboard-shape";
import type { TagBucket } from "@/lib/analytics/tag-metrics-params";
import type { ProjectScope } from "@/lib/data/scope";
import { getTagCountSeries } from "@/lib/data/collab/tag-metrics";
import type { TimeSeriesData } from "@/lib/format/chart";
import type { DashboardWindow } from "./dashboard-window";

const TAG_LINES = 8;

export type TagCountsView = { series: TimeSeriesData; totals: { tag: string; traces: number }[] };

export async function getTagCountsView(scope: ProjectScope, window: DashboardWindow, bucket: TagBucket): Promise<TagCountsView> {
  const points = await getTagCountSeries(scope, { fromMs: window.fromMs, toMs: window.toMs, bucket, limit: TAG_LINES });
  const byTag = new Map<string, number>();
  for (const p of points) byTag.set(p.tag, (byTag.get(p.tag) ?? 0) + p.traces);
  const totals = [...byTag].map(([tag, traces]) => ({ tag, traces })).sort((a, b) => b.traces - a.traces || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const { startMs, endMs } = bucketSpan(window.fromMs, window.toMs, bucket);
  return {
    totals,
    series: pivotTimeSeries(points, {
      startMs,
      endMs,
      bucketMs: BUCKET_MS[bucket],
      empty: 0,
      series: buildSeries(
        totals.map((t) => t.tag),
        (tag) => ({ tag }),
      ),
      seriesOf: (p) => p.tag,
      value: (p) => p.traces,
    }),
  };
}
