import "server-only";
// The Findings dashboard: findings and the time and money they wasted over the window, by type and failure
// mode, and one finding type's occurrences per task, agent or tool. Every series links to exactly the
// traces behind it (finding=, failureMode=, and the group's own filter). Read from the findings rollups.
import { bucketSpan, BUCKET_MS, type Bucket } from "@/lib/analytics/buckets";
import { buildSeries, pickChartBucket, pivotTimeSeries, rankGroups } from "@/lib/analytics/dashboard-shape";
import { FINDINGS_BUCKETS } from "@/lib/analytics/dimensions";
import { ANY_FINDING } from "@/lib/analytics/finding-rollups";
import type { ProjectScope } from "@/lib/data/scope";
import { readFindingPoints, type FindingsPoint } from "@/lib/data/findings/metrics-findings";
import type { RankedItem, TimeSeriesData, TraceLinkFilter } from "@/lib/format/chart";
import { FAILURE_MODE_LABELS, FINDING_TYPE_LABELS } from "@/lib/format/findings";
import { formatCost } from "@/lib/format/money";
import { FINDING_TYPES, type FailureMode, type FindingType } from "@/lib/retro/finding-kinds";
import type { DashboardWindow } from "./dashboard-window";

export const FINDINGS_DASHBOARD_GROUPS = ["task", "agent", "tool"] as const;
export type FindingsDashboardGroup = (typeof FINDINGS_DASHBOARD_GROUPS)[number];

/** The trace list's filter for each group dimension. */
const GROUP_FILTER = { task: "name", agent: "agent", tool: "tool" } as const;
const GROUP_LINES = 8;
const RANKED_GROUPS = 10;

export type FindingsDashboard = {
  bucket: Bucket;
  totals: { traces: number; occurrences: Record<FindingType, number>; wastedMs: number; wastedCostUsd: number | null };
  occurrences: TimeSeriesData;
  wastedCost: TimeSeriesData;
  failureModes: TimeSeriesData;
  groups: TimeSeriesData;
  groupRanking: RankedItem[];
  groupCount: number;
};

export async function getFindingsDashboard(
  scope: ProjectScope,
  window: DashboardWindow,
  groupBy: FindingsDashboardGroup,
  type: FindingType,
): Promise<FindingsDashboard> {
  const bucket = pickChartBucket(window.fromMs, window.toMs, FINDINGS_BUCKETS);
  const range = { fromMs: window.fromMs, toMs: window.toMs, bucket };
  const [byType, any, modes, groupPoints] = await Promise.all([
    readFindingPoints(scope, { dimension: "all", byType: true }, range),
    readFindingPoints(scope, { dimension: "all", findingType: ANY_FINDING }, range),
    readFindingPoints(scope, { dimension: "failureMode", findingType: "failure" }, range),
    readFindingPoints(scope, { dimension: groupBy, findingType: type }, range),
  ]);
  const { startMs, endMs } = bucketSpan(window.fromMs, window.toMs, bucket);
  const pivot = { startMs, endMs, bucketMs: BUCKET_MS[bucket] };
  const typeLabel = (p: FindingsPoint) => FINDING_TYPE_LABELS[p.group as FindingType] ?? p.group;
  const typeSeries = buildSeries(
    FINDING_TYPES.map((t) => FINDING_TYPE_LABELS[t]),
    (label) => ({ finding: FINDING_TYPES.find((t) => FINDING_TYPE_LABELS[t] === label)! }),
  );
  const modeLabels = rankGroups(modes, (p) => p.occurrences).map((mode) => FAILURE_MODE_LABELS[mode as FailureMode] ?? mode);
  const modeOf = (label: string) => (Object.entries(FAILURE_MODE_LABELS).find(([, l]) => l === label)?.[0] ?? label) as FailureMode;
  const rankedGroups = rankGroups(groupPoints, (p) => p.occurrences);
  const groupFilter = (group: string): TraceLinkFilter => ({ [GROUP_FILTER[groupBy]]: group, finding: type });
  const totals = summarise(byType, any);
  return {
    bucket,
    totals,
    occurrences: pivotTimeSeries(byType, { ...pivot, empty: 0, series: typeSeries, seriesOf: typeLabel, value: (p) => p.occurrences }),
    wastedCost: pivotTimeSeries(byType, { ...pivot, empty: 0, series: typeSeries, seriesOf: typeLabel, value: (p) => p.wastedCostUsd ?? 0 }),
    failureModes: pivotTimeSeries(modes, {
      ...pivot,
      empty: 0,
      series: buildSeries(modeLabels, (label) => ({ failureMode: modeOf(label) })),
      seriesOf: (p) => FAILURE_MODE_LABELS[p.group as FailureMode] ?? p.group,
      value: (p) => p.occurrences,
    }),
    groups: pivotTimeSeries(groupPoints, {
      ...pivot,
      empty: null,
      series: buildSeries(rankedGroups.slice(0, GROUP_LINES), groupFilter),
      seriesOf: (p) => p.group,
      value: (p) => p.occurrences,
    }),
    groupRanking: rankGroupWaste(groupPoints, rankedGroups.slice(0, RANKED_GROUPS), groupFilter),
    groupCount: rankedGroups.length,
  };
}

function summarise(byType: readonly FindingsPoint[], any: readonly FindingsPoint[]): FindingsDashboard["totals"] {
  const occurrences = Object.fromEntries(FINDING_TYPES.map((t) => [t, 0])) as Record<FindingType, number>;
  for (const p of byType) if (p.group in occurrences) occurrences[p.group as FindingType] += p.occurrences;
  let traces = 0;
  let wastedMs = 0;
  let wastedCostUsd: number | null = null;
  for (const p of any) {
    traces += p.traces;
    wastedMs += p.wastedMs;
    if (p.wastedCostUsd !== null) wastedCostUsd = (wastedCostUsd ?? 0) + p.wastedCostUsd;
  }
  return { traces, occurrences, wastedMs, wastedCostUsd };
}

function rankGroupWaste(points: readonly FindingsPoint[], groups: readonly string[], filterOf: (group: string) => TraceLinkFilter): RankedItem[] {
  return groups.map((group) => {
    const own = points.filter((p) => p.group === group);
    const occurrences = own.reduce((sum, p) => sum + p.occurrences, 0);
    const cost = own.reduce<number | null>((sum, p) => (p.wastedCostUsd === null ? sum : (sum ?? 0) + p.wastedCostUsd), null);
    return { label: group, value: occurrences, filter: filterOf(group), detail: cost === null ? "wasted cost unknown" : `${formatCost(cost)} wasted` };
  });
}
