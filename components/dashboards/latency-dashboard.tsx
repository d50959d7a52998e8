import { TimeLineChart } from "@/components/charts/time-line-chart";
import type { TimeSeriesData } from "@/lib/format/chart";
import { marksForChart, type ModelChangeLike } from "@/lib/format/model-change-marks";
import { ChoiceLinks } from "./choice-links";
import { SlowestTable, type SlowestItem } from "./slowest-table";

export type LatencyView = {
  /** What groups are ("task", "agent"…), for titles. */
  groupNoun: string;
  percentile: string;
  windowMs: number;
  bucketLabel: string;
  overview: TimeSeriesData;
  groups: { label: string; count: number; data: TimeSeriesData }[];
  groupCount: number;
  slowestTools: SlowestItem[];
  slowestModels: SlowestItem[];
  groupByOptions: { value: string; label: string; href: string }[];
  groupBy: string;
  percentileOptions: { value: string; label: string; href: string }[];
  /** Model changes of the window, marked on the overview. */
  modelChanges?: ModelChangeLike[];
};

/** The latency dashboard: a comparison chart, one percentile chart per busy group, the slowest tools and models. */
export function LatencyDashboard({ view }: { view: LatencyView }) {
  const shown = view.overview.series.length;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ChoiceLinks label="Group by" options={view.groupByOptions} current={view.groupBy} testId="group-by" />
        <span className="text-xs text-fg-muted">{view.bucketLabel} buckets · click a point to open its traces</span>
      </div>
      <TimeLineChart
        title={`${view.percentile} latency by ${view.groupNoun}`}
        subtitle={view.groupCount > shown ? `The ${shown} busiest of ${view.groupCount}` : undefined}
        data={view.overview}
        valueKind="duration"
        windowMs={view.windowMs}
        height={280}
        testId="latency-overview"
        actions={<ChoiceLinks label="Percentile" options={view.percentileOptions} current={view.percentile} testId="percentile" />}
        modelChangeMarks={marksForChart(view.modelChanges, view.overview)}
      />
      {view.groups.length > 0 ? (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-2 2xl:grid-cols-3" data-testid="latency-groups">
          {view.groups.map((group) => (
            <TimeLineChart
              key={group.label}
              title={group.label}
              subtitle={`${group.count.toLocaleString("en-US")} ${group.count === 1 ? "item" : "items"} · p50, p95, p99`}
              data={group.data}
              valueKind="duration"
              windowMs={view.windowMs}
              height={180}
              maxTicks={5}
              testId="latency-group"
            />
          ))}
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <SlowestTable title="Slowest tools (p95)" noun="tool" items={view.slowestTools} testId="slowest-tools" />
        <SlowestTable title="Slowest models (p95)" noun="model" items={view.slowestModels} testId="slowest-models" />
      </div>
    </div>
  );
}
