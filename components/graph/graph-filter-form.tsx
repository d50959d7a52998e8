// Narrows the map to one task or agent: a plain GET form (works without JavaScript) keeping the time range.
import { TIME_RANGE_PARAMS } from "@/lib/trace/time-range";
import { firstParam, type SearchParamsRecord } from "@/lib/trace/url-state";

export function GraphFilterForm({ task, agent, params }: { task?: string; agent?: string; params: SearchParamsRecord }) {
  const field = "h-8 w-40 rounded border border-line bg-surface px-2 text-sm";
  return (
    <form method="get" className="flex items-end gap-2" aria-label="Filter the map">
      {TIME_RANGE_PARAMS.map((key) => {
        const value = firstParam(params, key);
        return value ? <input key={key} type="hidden" name={key} value={value} /> : null;
      })}
      <label className="flex flex-col text-xs text-fg-muted">
        Task
        <input name="task" defaultValue={task ?? ""} className={field} placeholder="every task" />
      </label>
      <label className="flex flex-col text-xs text-fg-muted">
        Agent
        <input name="agent" defaultValue={agent ?? ""} className={field} placeholder="every agent" />
      </label>
      <button type="submit" className="hover:bg-surface-muted h-8 rounded border border-line px-3 text-sm">
        Apply
      </button>
    </form>
  );
}
