// Two experiments over one dataset, item by item: the summary (runs, errors, cost, duration, each score's
// mean and pass rate, what improved and what regressed), then each item's scores, cost and duration in
// both with the output diff. Outputs are untrusted text: rendered as text, never as HTML.
import { CostText } from "@/components/ui/cost-text";
import { formatDuration } from "@/lib/format/duration";
import type { TextDiff } from "@/lib/retro/text-diff";
import type { ComparedItem, ExperimentComparison, ItemVerdict, RunFigures } from "@/lib/quality/experiment-types";

const VERDICT: Record<ItemVerdict, { text: string; tone: string }> = {
  improved: { text: "improved", tone: "text-ok" },
  regressed: { text: "regressed", tone: "text-danger" },
  mixed: { text: "mixed", tone: "text-warn" },
  unchanged: { text: "unchanged", tone: "text-fg-muted" },
  only_a: { text: "only in a", tone: "text-fg-muted" },
  only_b: { text: "only in b", tone: "text-fg-muted" },
};

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const signed = (value: number | null) => (value === null ? "—" : `${value > 0 ? "+" : ""}${value}%`);

function RunCell({ run }: { run: RunFigures | null }) {
  if (!run) return <span className="text-fg-muted">not run</span>;
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex flex-wrap gap-x-2">
        {run.scores.map((s) => (
          <span key={s.name} className={s.passed ? "text-ok" : "text-danger"}>
            {s.name} {s.label ?? s.value}
          </span>
        ))}
      </div>
      <div className="text-xs text-fg-muted tabular-nums">
        {run.costUsd === null ? "—" : <CostText usd={run.costUsd} hasUnpriced={false} />} · {run.durationMs === null ? "—" : formatDuration(run.durationMs)}
        {run.error ? <span className="ml-1 text-danger">threw: {run.error}</span> : null}
      </div>
    </div>
  );
}

function Diff({ diff }: { diff: TextDiff | null }) {
  if (!diff) return <span className="text-fg-muted">—</span>;
  return (
    <pre className="max-h-40 overflow-auto text-xs break-all whitespace-pre-wrap">
      {diff.parts.map((part, i) =>
        part.op === "equal" ? (
          <span key={i}>{part.text}</span>
        ) : part.op === "insert" ? (
          <ins key={i} className="bg-ok/15 no-underline">
            {part.text}
          </ins>
        ) : (
          <del key={i} className="bg-danger/15">
            {part.text}
          </del>
        ),
      )}
    </pre>
  );
}

export function ComparisonView({ comparison, diffs }: { comparison: ExperimentComparison; diffs: Map<string, TextDiff | null> }) {
  const { summary, items } = comparison;
  const sides = [summary.a, summary.b] as const;
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-2" data-testid="comparison-summary">
        <p className="text-sm">
          Over {summary.pairs} items both ran: <span className="font-medium text-ok">{summary.improved.length} improved</span>,{" "}
          <span className="font-medium text-danger">{summary.regressed.length} regressed</span>, {summary.mixed.length} mixed, {summary.unchanged} unchanged ·
          cost {signed(summary.costChangePct)} · duration {signed(summary.durationChangePct)}
        </p>
        <table className="w-full max-w-4xl text-sm">
          <thead className="text-left text-fg-muted">
            <tr>
              <th className="py-1 font-normal">Experiment</th>
              <th className="py-1 font-normal">Runs</th>
              <th className="py-1 font-normal">Errors</th>
              <th className="py-1 font-normal">Cost</th>
              <th className="py-1 font-normal">Mean duration</th>
              <th className="py-1 font-normal">Scores (mean · pass rate)</th>
            </tr>
          </thead>
          <tbody>
            {sides.map((side, i) => (
              <tr key={side.experimentId} className="border-t border-line">
                <td className="py-1.5">
                  {i === 0 ? "a" : "b"}: {side.name}
                </td>
                <td className="py-1.5 tabular-nums">{side.runs}</td>
                <td className="py-1.5 tabular-nums">{side.errors}</td>
                <td className="py-1.5 tabular-nums">
                  <CostText usd={side.costUsd} hasUnpriced={false} />
                </td>
                <td className="py-1.5 tabular-nums">{side.meanDurationMs === null ? "—" : formatDuration(side.meanDurationMs)}</td>
                <td className="py-1.5">
                  {side.scores.map((s) => `${s.name} ${s.mean === null ? "" : `${Math.round(s.mean * 1000) / 1000} · `}${pct(s.passRate)}`).join("; ") || "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <table className="w-full text-sm" data-testid="comparison-items">
        <thead className="text-left text-fg-muted">
          <tr>
            <th className="py-1 font-normal">Item</th>
            <th className="py-1 font-normal">a</th>
            <th className="py-1 font-normal">b</th>
            <th className="py-1 font-normal">Verdict</th>
            <th className="w-2/5 py-1 font-normal">Output (a → b)</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item: ComparedItem, i) => (
            <tr key={item.itemId} className="border-t border-line align-top" data-verdict={item.verdict}>
              <td className="py-1.5 text-fg-muted tabular-nums" title={item.itemId}>
                {i + 1}
              </td>
              <td className="py-1.5">
                <RunCell run={item.a} />
              </td>
              <td className="py-1.5">
                <RunCell run={item.b} />
              </td>
              <td className={`py-1.5 font-medium ${VERDICT[item.verdict].tone}`}>{VERDICT[item.verdict].text}</td>
              <td className="py-1.5">
                <Diff diff={diffs.get(item.itemId) ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
