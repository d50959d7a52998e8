import type { Status } from "@/lib/trace/types";

const STYLES: Record<Status, string> = {
  ok: "bg-ok/10 text-ok",
  error: "bg-danger/10 text-danger",
  unset: "bg-muted text-fg-muted",
};

/** "ok" / "error" / "unset" pill. */
export function StatusBadge({ status, count }: { status: Status; count?: number }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.unset}`} data-status={status}>
      {status === "error" ? "● error" : status}
      {status === "error" && count && count > 1 ? ` ×${count}` : null}
    </span>
  );
}
