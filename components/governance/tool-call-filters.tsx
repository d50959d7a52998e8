import { inputClass } from "@/components/ui/form-parts";

const TEXT_FILTERS = [
  ["tool", "Tool"],
  ["server", "MCP server"],
  ["agent", "Agent"],
  ["userId", "User"],
] as const;

/** The audit's filters as a plain GET form (the URL holds the state), with the CSV export of the same filters. */
export function ToolCallFilters({ action, values, exportHref }: { action: string; values: Record<string, string>; exportHref: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2 text-sm" data-testid="tool-call-filters">
      {TEXT_FILTERS.map(([name, label]) => (
        <label key={name} className="flex flex-col gap-1">
          <span className="text-xs text-fg-muted">{label}</span>
          <input name={name} defaultValue={values[name] ?? ""} className={`${inputClass} w-36`} />
        </label>
      ))}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-fg-muted">Effect</span>
        <select name="effect" defaultValue={values.effect ?? ""} className={`${inputClass} w-24`}>
          <option value="">any</option>
          <option value="write">write</option>
          <option value="read">read</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-fg-muted">Status</span>
        <select name="status" defaultValue={values.status ?? ""} className={`${inputClass} w-24`}>
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
        </select>
      </label>
      <label className="flex items-center gap-1.5 py-1.5">
        <input type="checkbox" name="withoutApproval" value="true" defaultChecked={values.withoutApproval === "true"} />
        Writes without approval
      </label>
      {values.from ? <input type="hidden" name="from" value={values.from} /> : null}
      {values.to ? <input type="hidden" name="to" value={values.to} /> : null}
      <button type="submit" className="hover:bg-surface-2 rounded border border-line px-3 py-1.5">
        Filter
      </button>
      <a href={exportHref} className="py-1.5 text-accent hover:underline" data-testid="tool-call-export">
        Export CSV
      </a>
    </form>
  );
}
