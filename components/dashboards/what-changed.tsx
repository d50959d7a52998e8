import type { ChangeSide } from "@/lib/analytics/drift-report";
import { formatChartValue, getSeriesColor } from "@/lib/format/chart";
import { formatDuration } from "@/lib/format/duration";
import { formatCost } from "@/lib/format/money";
import { formatTimestamp } from "@/lib/format/time";
import { formatTokens } from "@/lib/format/tokens";
import { PercentChange } from "./percent-change";

type Props = { basis: "changePoint" | "baseline"; before: ChangeSide; after: ChangeSide };

type Metric = { label: string; pick: (s: ChangeSide) => number | null; format: (v: number) => string };

const METRICS: Metric[] = [
  { label: "Runs", pick: (s) => s.runs, format: (v) => v.toLocaleString("en-US") },
  { label: "Cost per run", pick: (s) => s.costPerRunUsd, format: (v) => formatCost(v) },
  { label: "p95 latency", pick: (s) => s.p95Ms, format: (v) => formatDuration(v) },
  { label: "Error rate", pick: (s) => s.errorRate, format: (v) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %` },
  { label: "Tokens per call", pick: (s) => s.tokensPerCall, format: (v) => formatTokens(v) },
  { label: "Tool calls per run", pick: (s) => s.toolCallsPerRun, format: (v) => v.toFixed(1) },
  { label: "Retries per run", pick: (s) => s.retriesPerRun, format: (v) => v.toFixed(2) },
];

const change = (before: number | null, after: number | null) =>
  before === null || after === null || before === 0 ? null : ((after - before) / Math.abs(before)) * 100;
const when = (iso: string) => formatTimestamp(iso, "UTC").slice(5, 16);

/** Before vs after the change point (or the previous period vs now): figures, model mix, retries. */
export function WhatChanged({ basis, before, after }: Props) {
  const models = [...new Set([...before.modelMix, ...after.modelMix].map((m) => m.model))];
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-lg border border-line p-3" data-testid="what-changed">
      <div>
        <h2 className="text-sm font-medium">What changed</h2>
        <p className="text-xs text-fg-muted">
          {basis === "changePoint" ? "Before vs after the change point" : "No change point: the previous period vs this one"} · times in UTC
        </p>
      </div>
      <table className="w-full text-sm">
        <thead className="text-xs text-fg-muted">
          <tr>
            <th scope="col" className="py-1 text-left font-medium" />
            <th scope="col" className="py-1 text-right font-medium" title={`${before.from} – ${before.to}`}>
              Before<div className="font-normal">{when(before.from)} →</div>
            </th>
            <th scope="col" className="py-1 text-right font-medium" title={`${after.from} – ${after.to}`}>
              After<div className="font-normal">{when(after.from)} →</div>
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {METRICS.map((m) => {
            const a = m.pick(before),
              b = m.pick(after);
            return (
              <tr key={m.label}>
                <th scope="row" className="py-1 text-left font-normal text-fg-muted">
                  {m.label}
                </th>
                <td className="py-1 text-right tabular-nums">{a === null ? "—" : m.format(a)}</td>
                <td className="py-1 text-right tabular-nums">{b === null ? "—" : m.format(b)}</td>
                <td className="py-1 text-right">{m.label === "Runs" ? null : <PercentChange pct={change(a, b)} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-col gap-2" data-testid="model-mix">
        <div className="text-xs font-medium text-fg-muted">
          Model mix (share of LLM calls; sampled runs: {before.sampledRuns} before, {after.sampledRuns} after)
        </div>
        {models.length === 0 ? <p className="text-xs text-fg-muted">No LLM calls.</p> : null}
        {(["Before", "After"] as const).map((label) => {
          const side = label === "Before" ? before : after;
          return (
            <div key={label} className="flex items-center gap-2 text-xs">
              <span className="w-12 shrink-0 text-fg-muted">{label}</span>
              <div
                className="flex h-4 min-w-0 flex-1 overflow-hidden rounded bg-muted"
                role="img"
                aria-label={`${label}: ${side.modelMix.map((m) => `${m.model} ${Math.round(m.share * 100)} %`).join(", ") || "no calls"}`}
              >
                {side.modelMix.map((m) => (
                  <div
                    key={m.model}
                    style={{ width: `${m.share * 100}%`, background: getSeriesColor(models.indexOf(m.model)) }}
                    title={`${m.model}: ${m.calls} calls (${Math.round(m.share * 100)} %)`}
                  />
                ))}
              </div>
            </div>
          );
        })}
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
          {models.map((model, i) => (
            <li key={model} className="flex items-center gap-1">
              <span className="inline-block size-2 rounded-sm" style={{ background: getSeriesColor(i) }} />
              {model}
              <span className="text-fg-muted">
                {formatChartValue("count", Math.round((before.modelMix.find((m) => m.model === model)?.share ?? 0) * 100))} % →{" "}
                {Math.round((after.modelMix.find((m) => m.model === model)?.share ?? 0) * 100)} %
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
