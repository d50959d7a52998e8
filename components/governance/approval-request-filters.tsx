import { inputClass } from "@/components/ui/form-parts";
import { APPROVAL_DECISIONS } from "@/lib/trace/approval-list-types";

const TEXT_FILTERS = [
  ["action", "Action"],
  ["agent", "Agent"],
  ["approver", "Approver"],
  ["task", "Task"],
  ["userId", "User"],
] as const;

/**
 * The approval requests' filters as a plain GET form (the URL holds the state). The time range is the page's
 * shared one (`range`, `from`, `to`), carried through hidden fields.
 */
export function ApprovalRequestFilters({ action, values, timeRange }: { action: string; values: Record<string, string>; timeRange: Record<string, string> }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2 text-sm" data-testid="approval-request-filters">
      <label className="flex flex-col gap-1">
        <span className="text-xs text-fg-muted">Decision</span>
        <select name="decision" defaultValue={values.decision ?? ""} className={`${inputClass} w-28`}>
          <option value="">any</option>
          {APPROVAL_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {d.replace("_", " ")}
            </option>
          ))}
        </select>
      </label>
      {TEXT_FILTERS.map(([name, label]) => (
        <label key={name} className="flex flex-col gap-1">
          <span className="text-xs text-fg-muted">{label}</span>
          <input name={name} defaultValue={values[name] ?? ""} className={`${inputClass} w-36`} />
        </label>
      ))}
      {Object.entries(timeRange).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="hover:bg-surface-2 rounded border border-line px-3 py-1.5">
        Filter
      </button>
    </form>
  );
}
