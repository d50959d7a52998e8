import { ProjectLink } from "@/components/shell/project-link";
import { DecisionBadge } from "@/components/ui/decision-badge";
import { formatDuration } from "@/lib/format/duration";
import type { ApprovalRequest } from "@/lib/trace/approval-list-types";

const HEADERS = ["Time", "Action", "Decision", "Approver", "Wait", "Agent", "Task", "User", "Policy", ""];

/** One row per approval request, newest first; the time and "Open trace" open its trace at the approval. */
export function ApprovalRequestTable({ requests }: { requests: ApprovalRequest[] }) {
  if (requests.length === 0) return <p className="text-sm text-fg-muted">No approval requests match.</p>;
  return (
    <div className="overflow-x-auto rounded border border-line">
      <table className="w-full text-sm" data-testid="approval-request-table">
        <thead className="bg-surface-2 text-left text-xs text-fg-muted">
          <tr>
            {HEADERS.map((h, i) => (
              <th key={i} className="px-2 py-1.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => {
            const href = `/traces/${r.traceId}?span=${r.spanId}`;
            return (
              <tr key={`${r.traceId}.${r.spanId}`} className="border-t border-line" data-testid="approval-request-row" data-decision={r.decision}>
                <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
                  <ProjectLink href={href} className="text-accent hover:underline">
                    {r.time.replace("T", " ").slice(0, 19)}
                  </ProjectLink>
                </td>
                <td className="px-2 py-1.5 font-mono">{r.action ?? ""}</td>
                <td className="px-2 py-1.5">
                  <DecisionBadge decision={r.decision} />
                </td>
                <td className="px-2 py-1.5">{r.approver ?? ""}</td>
                <td className="px-2 py-1.5 tabular-nums" data-testid="approval-wait">
                  {formatDuration(r.waitMs)}
                </td>
                <td className="px-2 py-1.5">{r.agentName ?? ""}</td>
                <td className="max-w-60 truncate px-2 py-1.5" title={r.task}>
                  {r.task}
                </td>
                <td className="px-2 py-1.5">{r.userId ?? ""}</td>
                <td className="max-w-48 truncate px-2 py-1.5" title={r.policy ?? ""}>
                  {r.policy ?? ""}
                </td>
                <td className="px-2 py-1.5 whitespace-nowrap">
                  <ProjectLink href={href} className="text-accent hover:underline">
                    Open trace
                  </ProjectLink>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
