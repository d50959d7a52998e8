// An approval decision as a coloured pill: approved, rejected, timed out, escalated (anything else as sent).
const STYLES: Record<string, string> = {
  approved: "bg-ok/10 text-ok",
  rejected: "bg-danger/10 text-danger",
  timed_out: "bg-warn/10 text-warn",
  escalated: "bg-sky-500/10 text-sky-600 dark:text-sky-400",
};
const LABELS: Record<string, string> = { approved: "approved", rejected: "rejected", timed_out: "timed out", escalated: "escalated" };

export function DecisionBadge({ decision }: { decision: string }) {
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[decision] ?? "bg-muted text-fg-muted"}`}
      data-testid="decision-badge"
      data-decision={decision}
    >
      {LABELS[decision] ?? decision}
    </span>
  );
}
