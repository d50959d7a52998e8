import Link from "next/link";
import { formatDuration } from "@/lib/format/duration";
import { formatCost } from "@/lib/format/money";
import { formatTimeTick } from "@/lib/format/chart";
import { PercentChange } from "./percent-change";

export type DriftTableRow = {
  group: string;
  runs: number;
  costPerRunUsd: number | null;
  costVsPreviousPct: number | null;
  costVsTrailingPct: number | null;
  p95Ms: number | null;
  p95VsPreviousPct: number | null;
  p95VsTrailingPct: number | null;
  errorRate: number | null;
  shift: { metric: string; at: string; changePct: number | null; direction: "up" | "down" } | null;
  /** This dashboard with the row selected. */
  href: string;
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;
const head = "px-2 py-1 font-medium";

/** Current figures of each task or agent against the previous period and the trailing 7 days. */
export function DriftTable({ rows, selected, groupNoun, bucketMs }: { rows: DriftTableRow[]; selected: string | null; groupNoun: string; bucketMs: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="drift-table">
        <thead className="bg-surface text-xs text-fg-muted">
          <tr>
            <th scope="col" rowSpan={2} className={`${head} text-left`}>
              {groupNoun}
            </th>
            <th scope="col" rowSpan={2} className={`${head} text-right`}>
              Runs
            </th>
            <th scope="colgroup" colSpan={3} className={`${head} border-l border-line text-center`}>
              Cost per run
            </th>
            <th scope="colgroup" colSpan={3} className={`${head} border-l border-line text-center`}>
              p95 latency
            </th>
            <th scope="col" rowSpan={2} className={`${head} border-l border-line text-right`}>
              Errors
            </th>
            <th scope="col" rowSpan={2} className={`${head} text-left`}>
              Level shift
            </th>
          </tr>
          <tr>
            <th scope="col" className={`${head} border-l border-line text-right`}>
              Now
            </th>
            <th scope="col" className={`${head} text-right`}>
              vs prev.
            </th>
            <th scope="col" className={`${head} text-right`}>
              vs 7 d
            </th>
            <th scope="col" className={`${head} border-l border-line text-right`}>
              Now
            </th>
            <th scope="col" className={`${head} text-right`}>
              vs prev.
            </th>
            <th scope="col" className={`${head} text-right`}>
              vs 7 d
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr
              key={row.group}
              className={row.group === selected ? "bg-accent-soft/60" : "hover:bg-surface"}
              data-testid="drift-row"
              aria-selected={row.group === selected}
            >
              <td className={`${cell} max-w-72 truncate font-medium`}>
                <Link href={row.href} scroll={false} className="hover:text-accent hover:underline" title={row.group}>
                  {row.group}
                </Link>
              </td>
              <td className={num}>{row.runs.toLocaleString("en-US")}</td>
              <td className={`${num} border-l border-line`}>{row.costPerRunUsd === null ? "—" : formatCost(row.costPerRunUsd)}</td>
              <td className={num}>
                <PercentChange pct={row.costVsPreviousPct} />
              </td>
              <td className={num}>
                <PercentChange pct={row.costVsTrailingPct} />
              </td>
              <td className={`${num} border-l border-line`}>{formatDuration(row.p95Ms)}</td>
              <td className={num}>
                <PercentChange pct={row.p95VsPreviousPct} />
              </td>
              <td className={num}>
                <PercentChange pct={row.p95VsTrailingPct} />
              </td>
              <td className={`${num} border-l border-line`}>{row.errorRate === null ? "—" : `${Math.round(row.errorRate * 100)} %`}</td>
              <td className={cell}>
                {row.shift ? (
                  <span className={row.shift.direction === "up" ? "text-danger" : "text-ok"} data-testid="drift-shift">
                    {row.shift.direction === "up" ? "▲" : "▼"} {row.shift.metric} at{" "}
                    {formatTimeTick(Date.parse(row.shift.at), bucketMs, Number.MAX_SAFE_INTEGER, "UTC")} UTC
                  </span>
                ) : (
                  <span className="text-fg-muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
