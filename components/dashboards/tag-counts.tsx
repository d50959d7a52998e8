import { TimeLineChart } from "@/components/charts/time-line-chart";
import type { TimeSeriesData } from "@/lib/format/chart";
import { buildTracesHref } from "@/lib/format/traces-href";

type Props = {
  series: TimeSeriesData;
  totals: { tag: string; traces: number }[];
  bucketLabel: string;
  fromMs: number;
  toMs: number;
  tracesPath: string;
};

/** Tag counts over time: runs per bucket for the most used tags, and each tag's runs in the window. */
export function TagCounts({ series, totals, bucketLabel, fromMs, toMs, tracesPath }: Props) {
  return (
    <section className="grid grid-cols-1 gap-3 xl:grid-cols-3" data-testid="tag-counts">
      <div className="xl:col-span-2">
        <TimeLineChart
          title="Tagged runs by tag"
          subtitle={`Runs carrying each of the most used tags, by when they ran · ${bucketLabel} buckets`}
          data={series}
          valueKind="count"
          windowMs={toMs - fromMs}
          height={220}
          testId="tag-counts-chart"
        />
      </div>
      <div className="rounded-lg border border-line p-3">
        <h3 className="mb-2 text-sm font-semibold">Top tags</h3>
        {totals.length === 0 ? (
          <p className="text-sm text-fg-muted">No tagged runs in this range. Tag runs from the trace list or a trace page.</p>
        ) : (
          <table className="w-full text-sm" data-testid="tag-totals">
            <thead className="text-xs text-fg-muted">
              <tr>
                <th scope="col" className="py-1 text-left font-medium">
                  Tag
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Runs
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {totals.map((t) => (
                <tr key={t.tag} data-testid="tag-total">
                  <td className="max-w-48 truncate py-1">
                    <a href={buildTracesHref(tracesPath, { tag: t.tag }, fromMs, toMs)} className="hover:text-accent" title={t.tag}>
                      {t.tag}
                    </a>
                  </td>
                  <td className="py-1 text-right tabular-nums">{t.traces.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
