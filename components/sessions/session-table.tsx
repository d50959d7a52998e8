import { ProjectLink } from "@/components/shell/project-link";
import { CostText } from "@/components/ui/cost-text";
import { formatDuration } from "@/lib/format/duration";
import { formatTimestamp } from "@/lib/format/time";
import { formatTokens } from "@/lib/format/tokens";
import type { SessionSummary } from "@/lib/trace/session-types";

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;

/** Sessions, most recently active first; each row opens the session's turns. */
export function SessionTable({ sessions }: { sessions: SessionSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="session-table">
        <thead className="bg-surface text-left text-xs text-fg-muted">
          <tr>
            {["Last active", "Session", "First turn", "User"].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 font-medium">
                {h}
              </th>
            ))}
            {["Turns", "Duration", "Tokens", "Errors", "Cost"].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 text-right font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {sessions.map((s) => (
            <tr key={s.sessionId} className="relative hover:bg-surface" data-testid="session-row">
              <td className={`${cell} tabular-nums`}>{formatTimestamp(s.lastEndTime).slice(0, 19)}</td>
              <td className={`${cell} max-w-64 truncate font-mono text-xs`}>
                <ProjectLink
                  href={`/sessions/${encodeURIComponent(s.sessionId)}`}
                  className="after:absolute after:inset-0 hover:text-accent"
                  title={s.sessionId}
                >
                  {s.sessionId}
                </ProjectLink>
              </td>
              <td className={`${cell} max-w-64 truncate`}>{s.firstTraceName ?? "—"}</td>
              <td className={`${cell} max-w-40 truncate text-fg-muted`}>{s.userId ?? "—"}</td>
              <td className={num}>{s.turnCount}</td>
              <td className={num}>{formatDuration(s.totalDurationMs)}</td>
              <td className={num}>{formatTokens(s.totalTokens)}</td>
              <td className={`${num} ${s.errorCount > 0 ? "text-danger" : ""}`}>{s.errorCount}</td>
              <td className={num}>{s.costUsd == null && !s.hasUnpriced ? "—" : <CostText usd={s.costUsd} hasUnpriced={s.hasUnpriced} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
