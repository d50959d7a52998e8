import Link from "next/link";
import { formatCost } from "@/lib/format/money";

export type TaskCostItem = {
  name: string;
  runs: number;
  failedRuns: number;
  costUsd: number;
  wasteUsd: number;
  costPerCompletedRunUsd: number | null;
  href: string;
  wasteHref: string;
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;

/** Cost per task over the window: what a completed run costs, and what failed runs wasted. */
export function TaskCostTable({ items, total }: { items: TaskCostItem[]; total: number }) {
  return (
    <section className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-3" data-testid="task-costs">
      <h2 className="text-sm font-medium">
        Cost per task
        {total > items.length ? (
          <span className="font-normal text-fg-muted">
            {" "}
            · the {items.length} costliest of {total}
          </span>
        ) : null}
      </h2>
      {items.length === 0 ? (
        <p className="py-6 text-center text-sm text-fg-muted">No runs in this time range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-xs text-fg-muted">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  Task
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Runs
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Failed
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Per completed run
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Total cost
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Waste (failed runs)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {items.map((task) => (
                <tr key={task.name} className="hover:bg-surface" data-testid="task-cost-row">
                  <td className={`${cell} max-w-72 truncate font-medium`}>
                    <Link href={task.href} className="hover:text-accent hover:underline" title={task.name}>
                      {task.name}
                    </Link>
                  </td>
                  <td className={num}>{task.runs.toLocaleString("en-US")}</td>
                  <td className={`${num} ${task.failedRuns > 0 ? "text-danger" : "text-fg-muted"}`}>{task.failedRuns.toLocaleString("en-US")}</td>
                  <td className={`${num} font-medium`}>{task.costPerCompletedRunUsd === null ? "—" : formatCost(task.costPerCompletedRunUsd)}</td>
                  <td className={num}>{formatCost(task.costUsd)}</td>
                  <td className={num}>
                    {task.failedRuns > 0 ? (
                      <Link href={task.wasteHref} className="text-danger hover:underline" title="Open the failed runs">
                        {formatCost(task.wasteUsd)}
                      </Link>
                    ) : (
                      <span className="text-fg-muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
