import { RankingBarChart } from "@/components/charts/ranking-bar-chart";
import { TimeBarChart } from "@/components/charts/time-bar-chart";
import { TimeLineChart } from "@/components/charts/time-line-chart";
import { getSeriesColor, type RankedItem, type TimeSeriesData } from "@/lib/format/chart";
import { formatDuration } from "@/lib/format/duration";
import { FINDING_TYPE_LABELS } from "@/lib/format/findings";
import { formatCost } from "@/lib/format/money";
import type { FindingType } from "@/lib/retro/finding-kinds";
import { ChoiceLinks } from "./choice-links";
import { StatTiles } from "./stat-tiles";

type Choice = { value: string; label: string; href: string };

export type FindingsView = {
  fromMs: number;
  toMs: number;
  bucketLabel: string;
  totals: { traces: number; occurrences: Record<FindingType, number>; wastedMs: number; wastedCostUsd: number | null };
  occurrences: TimeSeriesData;
  wastedCost: TimeSeriesData;
  failureModes: TimeSeriesData;
  groups: TimeSeriesData;
  groupRanking: RankedItem[];
  groupCount: number;
  /** "task", "agent" or "tool", and the finding type the group charts show. */
  groupNoun: string;
  typeLabel: string;
  groupBy: string;
  type: string;
  groupByOptions: Choice[];
  typeOptions: Choice[];
};

/** The Findings dashboard: what the retro analysis found, what it wasted, and where. Every point opens its traces. */
export function FindingsDashboard({ view }: { view: FindingsView }) {
  const { totals } = view;
  const windowMs = view.toMs - view.fromMs;
  const hasWaste = totals.wastedCostUsd !== null && totals.wastedCostUsd > 0;
  return (
    <div className="flex flex-col gap-4" data-testid="findings-dashboard">
      <StatTiles
        tiles={[
          { label: "Runs with findings", value: totals.traces.toLocaleString("en-US") },
          { label: FINDING_TYPE_LABELS.tool_loop, value: totals.occurrences.tool_loop.toLocaleString("en-US") },
          { label: FINDING_TYPE_LABELS.agent_cycle, value: totals.occurrences.agent_cycle.toLocaleString("en-US") },
          {
            label: FINDING_TYPE_LABELS.failure,
            value: totals.occurrences.failure.toLocaleString("en-US"),
            tone: totals.occurrences.failure > 0 ? "danger" : "default",
          },
          { label: "Time wasted", value: formatDuration(totals.wastedMs) },
          { label: "Cost wasted", value: totals.wastedCostUsd === null ? "—" : formatCost(totals.wastedCostUsd), tone: hasWaste ? "danger" : "default" },
        ]}
      />
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <TimeBarChart
          title="Findings by type"
          subtitle={`${view.bucketLabel} buckets · click a bar to open its runs`}
          data={view.occurrences}
          valueKind="count"
          windowMs={windowMs}
          maxTicks={6}
          testId="findings-by-type"
        />
        <TimeBarChart
          title="Wasted cost by type"
          subtitle="Repeated tool calls with the LLM calls that asked for them, extra hand-off rounds, repeated LLM calls"
          data={view.wastedCost}
          valueKind="usd"
          windowMs={windowMs}
          maxTicks={6}
          testId="findings-waste"
        />
      </div>
      <TimeBarChart
        title="Failures by failure mode"
        subtitle="The first real failure of each run (a retry that later succeeded is not one)"
        data={view.failureModes}
        valueKind="count"
        windowMs={windowMs}
        height={220}
        testId="findings-failure-modes"
      />
      <div className="flex flex-wrap items-center gap-4">
        <ChoiceLinks label="Finding" options={view.typeOptions} current={view.type} testId="findings-type" />
        <ChoiceLinks label="By" options={view.groupByOptions} current={view.groupBy} testId="findings-group-by" />
      </div>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <TimeLineChart
            title={`${view.typeLabel} by ${view.groupNoun}`}
            subtitle={view.groupCount > view.groups.series.length ? `The ${view.groups.series.length} most frequent of ${view.groupCount}` : undefined}
            data={view.groups}
            valueKind="count"
            windowMs={windowMs}
            height={260}
            testId="findings-groups"
          />
        </div>
        <RankingBarChart
          title={`Most ${view.typeLabel.toLowerCase()} by ${view.groupNoun}`}
          items={view.groupRanking}
          valueKind="count"
          valueLabel="Occurrences"
          fromMs={view.fromMs}
          toMs={view.toMs}
          color={getSeriesColor(1)}
          testId="findings-group-ranking"
          emptyText={`No ${view.typeLabel.toLowerCase()} in this range.`}
        />
      </div>
    </div>
  );
}
