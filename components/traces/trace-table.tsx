import { TagEditor } from "@/components/collab/tag-editor";
import { CompareForm, RunCheckbox, SelectPageCheckbox } from "@/components/retro/compare-form";
import { FindingBadges } from "@/components/retro/finding-badges";
import { ProjectLink } from "@/components/shell/project-link";
import { BulkActions } from "@/components/traces/bulk-actions";
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
  /** Tags of the shown traces, the project's vocabulary for suggestions, and whether the caller may tag. */
  tagging?: { projectSlug: string; tagsByTrace: Record<string, string[]>; vocabulary: string[]; canEdit: boolean };
  /** Open retros the selection can be added to; with `tagging`, turns on the bulk actions. */
  openRetros?: { id: string; title: string }[];
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;

/**
 * The trace list. Each row links to the trace view; two ticked rows open side by side in the trace diff,
 * and with bulk actions any ticked rows can be tagged, gathered in a retro or exported.
 */
export function TraceTable({ traces, params, sort, order, nowMs, tagging, openRetros }: Props) {
  const sortProps = { currentSort: sort, currentOrder: order, params };
  const actions =
    tagging && openRetros ? (
      <BulkActions
        projectSlug={tagging.projectSlug}
        canEdit={tagging.canEdit}
        vocabulary={tagging.vocabulary}
        openRetros={openRetros}
        namesById={Object.fromEntries(traces.map((t) => [t.traceId, t.name]))}
      />
    ) : undefined;
  return (
    <CompareForm pageIds={traces.map((t) => t.traceId)} actions={actions}>
      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full text-sm" data-testid="trace-table">
          <thead className="bg-surface text-xs text-fg-muted">
            <tr>
              <th scope="col" className="w-6 px-2 py-2">
                <SelectPageCheckbox />
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
              {tagging ? (
                <th scope="col" className="px-2 py-2 text-left font-medium">
                  Tags
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {traces.map((t) => (
              <tr key={t.traceId} className="relative hover:bg-surface" data-testid="trace-row" data-trace-id={t.traceId}>
                <td className={cell}>
                  <RunCheckbox traceId={t.traceId} name={t.name} />
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
                {tagging ? (
                  <td className={cell}>
                    <TagEditor
                      // Keyed by the tags, so tags added in bulk (a server refresh) replace the editor's own copy.
                      key={(tagging.tagsByTrace[t.traceId] ?? []).join("\u0000")}
                      projectSlug={tagging.projectSlug}
                      traceId={t.traceId}
                      tags={tagging.tagsByTrace[t.traceId] ?? []}
                      vocabulary={tagging.vocabulary}
                      canEdit={tagging.canEdit}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </CompareForm>
  );
}
