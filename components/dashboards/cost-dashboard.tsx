import { RankingBarChart } from "@/components/charts/ranking-bar-chart";
import { TimeBarChart } from "@/components/charts/time-bar-chart";
import { TimeLineChart } from "@/components/charts/time-line-chart";
import { getSeriesColor, type RankedItem, type TimeSeriesData } from "@/lib/format/chart";
import { marksForChart, type ModelChangeLike } from "@/lib/format/model-change-marks";
import { formatCost } from "@/lib/format/money";
import { formatTokens } from "@/lib/format/tokens";
import type { TraceSummary } from "@/lib/trace/types";
import { StatTiles } from "./stat-tiles";
import { TaskCostTable, type TaskCostItem } from "./task-cost-table";
import { TopTracesTable } from "./top-traces-table";

export type CostView = {
  fromMs: number;
  toMs: number;
  bucketLabel: string;
  totals: {
    runs: number;
    failedRuns: number;
    costUsd: number;
    wasteUsd: number;
    costPerCompletedRunUsd: number | null;
    inputTokens: number;
    outputTokens: number;
  };
  costPerRun: TimeSeriesData;
  spend: TimeSeriesData;
  tokens: TimeSeriesData;
  tasks: TaskCostItem[];
  taskCount: number;
  byAgent: RankedItem[];
  byModel: RankedItem[];
  byUser: RankedItem[];
  topTraces: TraceSummary[];
  /** The trace list over the window, sorted by cost. */
  allTracesHref: string;
  /** Model changes of the window, marked on the cost-per-run chart. */
  modelChanges?: ModelChangeLike[];
};

/** The cost dashboard: headline figures, cost per completed run, waste, breakdowns and the costliest traces. */
export function CostDashboard({ view }: { view: CostView }) {
  const { totals } = view;
  const windowMs = view.toMs - view.fromMs;
  const ranked = { valueKind: "usd" as const, fromMs: view.fromMs, toMs: view.toMs };
  return (
    <div className="flex flex-col gap-4">
      <StatTiles
        tiles={[
          { label: "Total cost", value: formatCost(totals.costUsd) },
          { label: "Runs", value: totals.runs.toLocaleString("en-US") },
          { label: "Per completed run", value: totals.costPerCompletedRunUsd === null ? "—" : formatCost(totals.costPerCompletedRunUsd) },
          { label: "Failed runs", value: totals.failedRuns.toLocaleString("en-US"), tone: totals.failedRuns > 0 ? "danger" : "default" },
          { label: "Waste (failed runs)", value: formatCost(totals.wasteUsd), tone: totals.wasteUsd > 0 ? "danger" : "default" },
          { label: "Tokens in / out", value: `${formatTokens(totals.inputTokens)} / ${formatTokens(totals.outputTokens)}` },
        ]}
      />
      <TimeLineChart
        title="Cost per completed run, by task"
        subtitle={`${view.bucketLabel} buckets · failed runs are counted as waste, below · click a point to open its runs`}
        data={view.costPerRun}
        valueKind="usd"
        windowMs={windowMs}
        height={280}
        testId="cost-per-run"
        modelChangeMarks={marksForChart(view.modelChanges, view.costPerRun)}
      />
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <TimeBarChart
          title="Spend: completed vs failed runs"
          subtitle="Failed runs' cost is waste"
          data={view.spend}
          valueKind="usd"
          windowMs={windowMs}
          maxTicks={6}
          testId="cost-spend"
        />
        <TimeBarChart title="Token usage" data={view.tokens} valueKind="tokens" windowMs={windowMs} maxTicks={6} testId="cost-tokens" />
      </div>
      <TaskCostTable items={view.tasks} total={view.taskCount} />
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
        <RankingBarChart
          title="Cost by agent"
          items={view.byAgent}
          color={getSeriesColor(0)}
          testId="cost-by-agent"
          emptyText="No agent names in this range."
          {...ranked}
        />
        <RankingBarChart
          title="Cost by model"
          items={view.byModel}
          color={getSeriesColor(2)}
          testId="cost-by-model"
          emptyText="No model calls in this range."
          {...ranked}
        />
        <RankingBarChart
          title="Cost by user"
          items={view.byUser}
          color={getSeriesColor(5)}
          testId="cost-by-user"
          emptyText="No user ids in this range."
          {...ranked}
        />
      </div>
      <TopTracesTable traces={view.topTraces} allHref={view.allTracesHref} />
    </div>
  );
}
