import Link from "next/link";
import { formatDuration } from "@/lib/format/duration";

export type ApprovalGroupItem = {
  group: string;
  requests: number;
  approvalRate: number;
  rejectionRate: number;
  timedOut: number;
  escalated: number;
  p50WaitMs: number;
  p95WaitMs: number;
  /** The approval requests of this group in the window. */
  href: string;
  /** The traces of this group in the window. */
  tracesHref: string;
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;
const pct = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)} %`;
const HEADERS = ["Requests", "Approved", "Rejected", "Timed out", "Escalated", "Wait p50", "Wait p95"];

/** Each action, agent or approver over the window; a name opens its approval requests, "traces" its traces. */
export function ApprovalGroupTable({ noun, items }: { noun: string; items: ApprovalGroupItem[] }) {
  return (
    <section className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-3" data-testid="approval-groups">
      <h2 className="text-sm font-medium">By {noun}</h2>
      {items.length === 0 ? (
        <p className="py-6 text-center text-sm text-fg-muted">No approvals in this time range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-xs text-fg-muted">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  {noun[0]!.toUpperCase() + noun.slice(1)}
                </th>
                {HEADERS.map((h) => (
                  <th key={h} scope="col" className="px-2 py-1 text-right font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {items.map((item) => (
                <tr key={item.group} className="hover:bg-surface" data-testid="approval-group-row" data-group={item.group}>
                  <td className={`${cell} max-w-56 truncate font-medium`}>
                    <Link href={item.href} className="hover:text-accent hover:underline" title={`Approval requests of ${item.group}`}>
                      {item.group}
                    </Link>{" "}
                    <Link href={item.tracesHref} className="text-xs font-normal text-fg-muted hover:text-accent hover:underline">
                      traces
                    </Link>
                  </td>
                  <td className={num}>{item.requests.toLocaleString("en-US")}</td>
                  <td className={num}>{pct(item.approvalRate)}</td>
                  <td className={`${num} ${item.rejectionRate > 0 ? "text-danger" : ""}`}>{pct(item.rejectionRate)}</td>
                  <td className={num}>{item.timedOut.toLocaleString("en-US")}</td>
                  <td className={num}>{item.escalated.toLocaleString("en-US")}</td>
                  <td className={num}>{formatDuration(item.p50WaitMs)}</td>
                  <td className={`${num} font-medium`}>{formatDuration(item.p95WaitMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
