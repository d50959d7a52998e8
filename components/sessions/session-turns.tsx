import { ProjectLink } from "@/components/shell/project-link";
import { CostText } from "@/components/ui/cost-text";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/lib/format/duration";
import { formatTimestamp } from "@/lib/format/time";
import { formatTokens } from "@/lib/format/tokens";
import type { TraceSummary } from "@/lib/trace/types";

/** The turns of a session in order, each a link into its trace. */
export function SessionTurns({ turns }: { turns: TraceSummary[] }) {
  return (
    <ol className="flex flex-col gap-2" data-testid="session-turns">
      {turns.map((turn, i) => (
        <li key={turn.traceId} data-testid="session-turn">
          <ProjectLink
            href={`/traces/${turn.traceId}`}
            className="flex items-center gap-3 rounded-lg border border-line p-3 text-sm hover:border-accent hover:bg-surface"
          >
            <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent">{i + 1}</span>
            <div className="min-w-0 flex-1">
              <div className="truncate font-medium">{turn.name}</div>
              <div className="text-xs text-fg-muted tabular-nums">
                {formatTimestamp(turn.startTime).slice(0, 19)} · {turn.spanCount} spans · {turn.llmCallCount} LLM · {turn.toolCallCount} tools
              </div>
            </div>
            <StatusBadge status={turn.status} count={turn.errorCount} />
            <span className="w-20 text-right tabular-nums">{formatDuration(turn.durationMs)}</span>
            <span className="w-16 text-right text-fg-muted tabular-nums">{formatTokens(turn.totalTokens)}</span>
            <span className="w-28 text-right tabular-nums">
              {turn.llmCallCount === 0 && turn.costUsd == null ? "—" : <CostText usd={turn.costUsd} hasUnpriced={turn.hasUnpricedCalls} />}
            </span>
          </ProjectLink>
        </li>
      ))}
    </ol>
  );
}
