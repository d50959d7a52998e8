import { COMPARE_INPUT, CompareForm } from "@/components/retro/compare-form";
import { FindingBadges } from "@/components/retro/finding-badges";
import { ProjectLink } from "@/components/shell/project-link";
import { SortHeader } from "@/components/traces/sort-header";
import { CostText } from "@/components/ui/cost-text";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/lib/format/duration";
import { formatRelativeTime, formatTimestamp } from "@/lib/format/time";
import { formatTokens } from "@/lib/format/tokens";
import type { TraceSort, TraceSummary } from "@/lib/trace/types";
import type { SearchParamsRecord } from "@/lib/trace/url-state";

type Props = {
  traces: TraceSummary[];
  /** Current search params, so sort links keep the filters. */
  params: SearchParamsRecord;
  sort: TraceSort;
  order: "asc" | "desc";
  /** Render time, for "5 min ago". */
  nowMs: number;
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;

/** The trace list. Each row links to the trace view; two ticked rows open side by side in the trace diff. */
export function TraceTable({ traces, params, sort, order, nowMs }: Props) {
  const sortProps = { currentSort: sort, currentOrder: order, params };
  return (
    <CompareForm>
      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full text-sm" data-testid="trace-table">
          <thead className="bg-surface text-xs text-fg-muted">
            <tr>
              <th scope="col" className="w-6 px-2 py-2">
                <span className="sr-only">Compare</span>
              </th>
              <SortHeader label="Time" sort="time" {...sortProps} />
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Name
              </th>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Service
              </th>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Agent
              </th>
              <SortHeader label="Duration" sort="duration" align="right" {...sortProps} />
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Status
              </th>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Findings
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Spans
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                LLM
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Tools
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Tokens
              </th>
              <SortHeader label="Cost" sort="cost" align="right" {...sortProps} />
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {traces.map((t) => (
              <tr key={t.traceId} className="relative hover:bg-surface" data-testid="trace-row" data-trace-id={t.traceId}>
                <td className={cell}>
                  {/* Above the row's stretched link, so ticking does not open the trace. */}
                  <input
                    type="checkbox"
                    name={COMPARE_INPUT}
                    value={t.traceId}
                    aria-label={`Compare ${t.name}`}
                    className="relative z-10 align-middle"
                    data-testid="compare-checkbox"
                  />
                </td>
                <td className={`${cell} tabular-nums`} title={formatRelativeTime(t.startTime, nowMs)}>
                  {formatTimestamp(t.startTime).slice(0, 19)}
                </td>
                <td className={`${cell} max-w-72 truncate font-medium`}>
                  {/* The stretched link makes the whole row clickable while staying one link for keyboard users. */}
                  <ProjectLink href={`/traces/${t.traceId}`} className="after:absolute after:inset-0 hover:text-accent" title={t.name}>
                    {t.name}
                  </ProjectLink>
                </td>
                <td className={`${cell} max-w-40 truncate text-fg-muted`}>{t.serviceName ?? "—"}</td>
                <td className={`${cell} max-w-40 truncate text-fg-muted`}>{t.agentName ?? "—"}</td>
                <td className={num}>{formatDuration(t.durationMs)}</td>
                <td className={cell}>
                  <StatusBadge status={t.status} count={t.errorCount} />
                </td>
                <td className={cell}>
                  <FindingBadges failureMode={t.failureMode} findingCounts={t.findingCounts} />
                </td>
                <td className={num}>{t.spanCount}</td>
                <td className={num}>{t.llmCallCount}</td>
                <td className={num}>{t.toolCallCount}</td>
                <td className={num} title={`${t.inputTokens} in / ${t.outputTokens} out`}>
                  {formatTokens(t.totalTokens)}
                </td>
                <td className={num}>
                  {t.llmCallCount === 0 && t.costUsd == null ? (
                    <span className="text-fg-muted">—</span>
                  ) : (
                    <CostText usd={t.costUsd} hasUnpriced={t.hasUnpricedCalls} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </CompareForm>
  );
}
