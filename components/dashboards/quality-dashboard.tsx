import Link from "next/link";
import { TimeLineChart } from "@/components/charts/time-line-chart";
import { formatTimeTick, type TimeSeriesData } from "@/lib/format/chart";
import { marksForChart, type ModelChangeLike } from "@/lib/format/model-change-marks";
import type { QualityRow } from "@/lib/quality/quality-dashboard";
import { ChoiceLinks } from "./choice-links";

type Choice = { value: string; label: string; href: string };

export type QualityView = {
  groupNoun: string;
  groupBy: string;
  groupByOptions: Choice[];
  name: string | null;
  nameOptions: Choice[];
  bucketLabel: string;
  bucketMs: number;
  windowMs: number;
  rows: (QualityRow & { tracesHref: string })[];
  charts: { mean: TimeSeriesData; passRate: TimeSeriesData };
  /** The first group whose level shifted: drawn on the charts. */
  marker: { t: number; label: string } | null;
  /** Where the model behind a task changed in the window: marked on both charts. */
  modelChanges?: ModelChangeLike[];
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;
const head = "px-2 py-1 font-medium";
const score = (v: number | null) => (v === null ? "—" : String(Math.round(v * 1000) / 1000));
const share = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);

/** Mean and pass rate of one score per task, agent or model, against the previous period, with level shifts. */
export function QualityDashboard({ view }: { view: QualityView }) {
  const modelChangeMarks = marksForChart(view.modelChanges, view.charts.mean);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <ChoiceLinks label="Group by" options={view.groupByOptions} current={view.groupBy} testId="quality-group-by" />
          {view.nameOptions.length > 0 ? <ChoiceLinks label="Score" options={view.nameOptions} current={view.name ?? ""} testId="quality-score-name" /> : null}
        </div>
        <span className="text-xs text-fg-muted">{view.bucketLabel} buckets · baseline: the previous period of equal length · level shifts by CUSUM</span>
      </div>
      {view.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted" data-testid="quality-empty">
          No scores in this time range. Scores come from <code>POST /api/v1/scores</code>, OpenTelemetry <code>gen_ai.evaluation.result</code> events,
          evaluators and reviews.
        </div>
      ) : (
        <>
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <TimeLineChart
              title={`Mean ${view.name ?? ""} by ${view.groupNoun.toLowerCase()}`}
              subtitle="Red: where a level shifted · click a point to open its runs"
              data={view.charts.mean}
              valueKind="score"
              windowMs={view.windowMs}
              marker={view.marker}
              modelChangeMarks={modelChangeMarks}
              testId="quality-mean"
            />
            <TimeLineChart
              title={`Pass rate ${view.name ?? ""} by ${view.groupNoun.toLowerCase()}`}
              data={view.charts.passRate}
              valueKind="share"
              windowMs={view.windowMs}
              marker={view.marker}
              modelChangeMarks={modelChangeMarks}
              testId="quality-pass-rate"
            />
          </div>
          <QualityTable rows={view.rows} groupNoun={view.groupNoun} bucketMs={view.bucketMs} windowMs={view.windowMs} />
        </>
      )}
    </div>
  );
}

function QualityTable({ rows, groupNoun, bucketMs, windowMs }: { rows: QualityView["rows"]; groupNoun: string; bucketMs: number; windowMs: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="quality-table">
        <thead className="bg-surface text-xs text-fg-muted">
          <tr>
            <th scope="col" className={`${head} text-left`}>
              {groupNoun}
            </th>
            <th scope="col" className={`${head} text-right`}>
              Scores
            </th>
            <th scope="col" className={`${head} text-right`}>
              Mean
            </th>
            <th scope="col" className={`${head} text-right`}>
              Previous mean
            </th>
            <th scope="col" className={`${head} text-right`}>
              Pass rate
            </th>
            <th scope="col" className={`${head} text-right`}>
              Previous pass rate
            </th>
            <th scope="col" className={`${head} text-left`}>
              Level shift
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.group} className="border-t border-line" data-testid="quality-row" data-group={row.group} data-shift={row.shift?.direction ?? "none"}>
              <td className={cell}>
                <Link href={row.tracesHref} className="text-accent hover:underline">
                  {row.group}
                </Link>
              </td>
              <td className={num}>{row.count.toLocaleString("en-US")}</td>
              <td className={num}>{score(row.mean)}</td>
              <td className={num}>{score(row.previousMean)}</td>
              <td className={num}>{share(row.passRate)}</td>
              <td className={num}>{share(row.previousPassRate)}</td>
              <td className={cell} data-testid="quality-shift">
                {row.shift
                  ? `${row.shift.direction === "down" ? "↓" : "↑"} ${row.shift.metric} ${score(row.shift.levelBefore)} → ${score(row.shift.levelAfter)} from ${formatTimeTick(row.shift.atMs, bucketMs, windowMs)}`
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
