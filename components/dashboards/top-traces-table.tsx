import Link from "next/link";
import { ProjectLink } from "@/components/shell/project-link";
import { CostText } from "@/components/ui/cost-text";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/lib/format/duration";
import { formatTimestamp } from "@/lib/format/time";
import { formatTokens } from "@/lib/format/tokens";
import type { TraceSummary } from "@/lib/trace/types";

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;

/** The costliest traces of the window; each row opens its trace. */
export function TopTracesTable({ traces, allHref }: { traces: TraceSummary[]; allHref: string }) {
  return (
    <section className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-3" data-testid="top-traces">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-medium">Most expensive traces</h2>
        <Link href={allHref} className="text-xs text-accent hover:underline">
          All traces by cost →
        </Link>
      </div>
      {traces.length === 0 ? (
        <p className="py-6 text-center text-sm text-fg-muted">No traces in this time range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-xs text-fg-muted">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  Time
                </th>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  Task
                </th>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  User
                </th>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  Status
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Duration
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Tokens
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {traces.map((t) => (
                <tr key={t.traceId} className="relative hover:bg-surface" data-testid="top-trace-row">
                  <td className={`${cell} text-fg-muted tabular-nums`}>{formatTimestamp(t.startTime).slice(0, 19)}</td>
                  <td className={`${cell} max-w-72 truncate font-medium`}>
                    <ProjectLink href={`/traces/${t.traceId}`} className="after:absolute after:inset-0 hover:text-accent" title={t.name}>
                      {t.name}
                    </ProjectLink>
                  </td>
                  <td className={`${cell} max-w-40 truncate text-fg-muted`}>{t.userId ?? "—"}</td>
                  <td className={cell}>
                    <StatusBadge status={t.status} count={t.errorCount} />
                  </td>
                  <td className={num}>{formatDuration(t.durationMs)}</td>
                  <td className={num}>{formatTokens(t.totalTokens)}</td>
                  <td className={`${num} font-medium`}>
                    <CostText usd={t.costUsd} hasUnpriced={t.hasUnpricedCalls} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
