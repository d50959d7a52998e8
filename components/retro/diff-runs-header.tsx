import { FindingBadges } from "@/components/retro/finding-badges";
import { ProjectLink } from "@/components/shell/project-link";
import { CostText } from "@/components/ui/cost-text";
import { StatusBadge } from "@/components/ui/status-badge";
import { deltaTone, formatCostDelta, formatCountDelta, formatDurationDelta } from "@/lib/format/deltas";
import { formatDuration } from "@/lib/format/duration";
import { formatTimestamp } from "@/lib/format/time";
import type { Deltas } from "@/lib/retro/types";
import type { TraceSummary } from "@/lib/trace/types";

export const TONE_CLASS = { up: "text-danger", down: "text-ok", none: "text-fg-muted" } as const;

/** The two runs of a diff side by side, and the totals' differences (b − a). */
export function DiffRunsHeader({ a, b, totals }: { a: TraceSummary; b: TraceSummary; totals: Deltas }) {
  const tiles: [string, string, number | null][] = [
    ["Duration", formatDurationDelta(totals.durationMs), totals.durationMs],
    ["Cost", formatCostDelta(totals.costUsd), totals.costUsd],
    ["Input tokens", formatCountDelta(totals.inputTokens), totals.inputTokens],
    ["Output tokens", formatCountDelta(totals.outputTokens), totals.outputTokens],
    ["LLM calls", formatCountDelta(totals.llmCalls), totals.llmCalls],
    ["Tool calls", formatCountDelta(totals.toolCalls), totals.toolCalls],
  ];
  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <RunCard label="A" trace={a} />
        <RunCard label="B" trace={b} />
      </div>
      <dl className="grid grid-cols-3 gap-2 md:grid-cols-6" data-testid="diff-totals" aria-label="B − A">
        {tiles.map(([label, text, value]) => (
          <div key={label} className="rounded border border-line px-2 py-1.5">
            <dt className="text-xs text-fg-muted">{label} (B − A)</dt>
            <dd className={`text-sm font-medium tabular-nums ${TONE_CLASS[deltaTone(value)]}`}>{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function RunCard({ label, trace }: { label: string; trace: TraceSummary }) {
  return (
    <section
      className="flex flex-col gap-1 rounded-lg border border-line p-3 text-sm"
      data-testid={`diff-run-${label.toLowerCase()}`}
      data-trace-id={trace.traceId}
    >
      <div className="flex items-center gap-2">
        <span className="rounded bg-muted px-1.5 text-xs font-semibold">{label}</span>
        <ProjectLink href={`/traces/${trace.traceId}`} className="min-w-0 truncate font-medium hover:text-accent" title={trace.name}>
          {trace.name}
        </ProjectLink>
        <StatusBadge status={trace.status} count={trace.errorCount} />
        <FindingBadges failureMode={trace.failureMode} findingCounts={trace.findingCounts} />
      </div>
      <div className="flex flex-wrap gap-x-4 text-xs text-fg-muted tabular-nums">
        <span>{formatTimestamp(trace.startTime).slice(0, 19)}</span>
        <span>{formatDuration(trace.durationMs)}</span>
        <span>
          <CostText usd={trace.costUsd} hasUnpriced={trace.hasUnpricedCalls} />
        </span>
        <span>
          {trace.llmCallCount} LLM · {trace.toolCallCount} tool
        </span>
        <span className="font-mono">{trace.traceId.slice(0, 12)}…</span>
      </div>
    </section>
  );
}
