import { TimeLineChart } from "@/components/charts/time-line-chart";
import type { ChangeSide } from "@/lib/analytics/drift-report";
import type { TimeSeriesData } from "@/lib/format/chart";
import { marksForChart, type ModelChangeLike } from "@/lib/format/model-change-marks";
import { formatDuration } from "@/lib/format/duration";
import { formatCost } from "@/lib/format/money";
import { ChoiceLinks } from "./choice-links";
import { DriftTable, type DriftTableRow } from "./drift-table";
import { WhatChanged } from "./what-changed";

type Marker = { t: number; label: string } | null;

export type DriftView = {
  groupNoun: string;
  groupBy: string;
  groupByOptions: { value: string; label: string; href: string }[];
  bucketLabel: string;
  bucketMs: number;
  windowMs: number;
  rows: DriftTableRow[];
  groupCount: number;
  detail: {
    group: string;
    costPerRun: TimeSeriesData;
    p95: TimeSeriesData;
    costMarker: Marker;
    p95Marker: Marker;
    baseline: { previousCostPerRunUsd: number | null; trailingCostPerRunUsd: number | null; previousP95Ms: number | null; trailingP95Ms: number | null };
    whatChanged: { basis: "changePoint" | "baseline"; before: ChangeSide; after: ChangeSide };
  } | null;
  /** Model changes of the window, marked on the group's charts. */
  modelChanges?: ModelChangeLike[];
};

const level = (label: string, value: number | null, format: (v: number) => string) =>
  value === null ? [] : [{ y: value, label: `${label} ${format(value)}` }];

/** The drift dashboard: every group against its baselines, then one group's series and what changed. */
export function DriftDashboard({ view }: { view: DriftView }) {
  const { detail } = view;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ChoiceLinks label="Group by" options={view.groupByOptions} current={view.groupBy} testId="drift-group-by" />
        <span className="text-xs text-fg-muted">
          {view.bucketLabel} buckets · baselines: the previous period of equal length and the trailing 7 days · change points by CUSUM
        </span>
      </div>
      {view.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted">No runs in this time range.</div>
      ) : (
        <DriftTable rows={view.rows} selected={detail?.group ?? null} groupNoun={view.groupNoun} bucketMs={view.bucketMs} />
      )}
      {detail ? (
        <div className="grid grid-cols-1 gap-3 xl:grid-cols-3">
          <div className="flex min-w-0 flex-col gap-3 xl:col-span-2">
            <TimeLineChart
              title={`Cost per run · ${detail.group}`}
              subtitle="Dashed: previous-period level · red: where the level shifted · click a point to open its runs"
              data={detail.costPerRun}
              valueKind="usd"
              windowMs={view.windowMs}
              marker={detail.costMarker}
              references={level("previous", detail.baseline.previousCostPerRunUsd, formatCost)}
              isLegendHidden
              testId="drift-cost"
              modelChangeMarks={marksForChart(view.modelChanges, detail.costPerRun)}
            />
            <TimeLineChart
              title={`p95 latency · ${detail.group}`}
              data={detail.p95}
              valueKind="duration"
              windowMs={view.windowMs}
              marker={detail.p95Marker}
              references={level("previous", detail.baseline.previousP95Ms, formatDuration)}
              isLegendHidden
              testId="drift-p95"
              modelChangeMarks={marksForChart(view.modelChanges, detail.p95)}
            />
          </div>
          <WhatChanged {...detail.whatChanged} />
        </div>
      ) : null}
    </div>
  );
}
