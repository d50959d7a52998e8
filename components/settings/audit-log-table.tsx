import { formatTimestamp } from "@/lib/format/time";

type Event = {
  id: string;
  time: string;
  actor: string;
  actorType: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

const cell = "px-2 py-1.5 align-top";

/** Audit events, newest first; details as compact JSON text. */
export function AuditLogTable({ events }: { events: Event[] }) {
  if (events.length === 0) return <p className="text-sm text-fg-muted">Nothing recorded yet.</p>;
  return (
    <table className="w-full text-sm" data-testid="audit-log">
      <thead className="text-left text-xs text-fg-muted">
        <tr>
          <th className={cell}>Time</th>
          <th className={cell}>Who</th>
          <th className={cell}>Action</th>
          <th className={cell}>Target</th>
          <th className={cell}>Details</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {events.map((e) => (
          <tr key={e.id} data-testid="audit-row" data-action={e.action}>
            <td className={`${cell} whitespace-nowrap text-fg-muted tabular-nums`}>{formatTimestamp(e.time).slice(0, 19)}</td>
            <td className={cell}>
              {e.actor}
              <span className="ml-1 text-xs text-fg-muted">
                ({e.actorType}
                {e.ip ? `, ${e.ip}` : ""})
              </span>
            </td>
            <td className={`${cell} font-mono text-xs`}>{e.action}</td>
            <td className={cell}>{e.target ?? "—"}</td>
            <td className={`${cell} max-w-md truncate font-mono text-xs text-fg-muted`} title={JSON.stringify(e.details)}>
              {Object.keys(e.details).length ? JSON.stringify(e.details) : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
