// An approval span's facts: the decision, what was to be approved, who decided, the policy that asked, and
// how long the pipeline waited for the human. All text, never HTML.
import { DecisionBadge } from "@/components/ui/decision-badge";
import { formatDuration } from "@/lib/format/duration";
import { approvalFactsOf } from "@/lib/trace/approval-facts";
import type { Span } from "@/lib/trace/types";

export function ApprovalSummary({ span }: { span: Span }) {
  const facts = approvalFactsOf(span.attributes);
  const rows: [string, string | null][] = [
    ["Action", facts.action],
    ["Approver", facts.approver],
    ["Policy", facts.policy],
    ["Reason", facts.reason],
  ];
  return (
    <section className="flex flex-col gap-2 rounded-md border border-line p-3 text-xs" data-testid="approval-summary" aria-label="Approval">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Human approval</span>
        {facts.decision ? <DecisionBadge decision={facts.decision} /> : null}
        <span className="text-fg-muted tabular-nums">waited {formatDuration(span.durationMs)}</span>
      </div>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, value]) =>
          value ? (
            <div key={label} className="contents">
              <dt className="text-fg-muted">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </section>
  );
}
