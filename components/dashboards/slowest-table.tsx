import Link from "next/link";
import { formatDuration } from "@/lib/format/duration";

export type SlowestItem = {
  group: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  href: string;
  /** The MCP servers that served this tool: shown as an MCP badge. */
  mcpServers?: string[];
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;

/** Tools or models of the window, slowest p95 first; each name opens its slowest traces. */
export function SlowestTable({ title, noun, items, testId }: { title: string; noun: string; items: SlowestItem[]; testId?: string }) {
  return (
    <section className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-3" data-testid={testId}>
      <h2 className="text-sm font-medium">{title}</h2>
      {items.length === 0 ? (
        <p className="py-6 text-center text-sm text-fg-muted">No {noun} calls in this time range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-xs text-fg-muted">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  {noun[0]!.toUpperCase() + noun.slice(1)}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Calls
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  p50
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  p95
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  p99
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Max
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {items.map((item) => (
                <tr key={item.group} className="hover:bg-surface" data-testid="slowest-row">
                  <td className={`${cell} max-w-56 truncate font-medium`}>
                    <Link href={item.href} className="hover:text-accent hover:underline" title={`Slowest traces calling ${item.group}`}>
                      {item.group}
                    </Link>
                    {item.mcpServers?.length ? (
                      <span
                        className="ml-1.5 rounded bg-muted px-1 text-[10px] font-normal text-fg-muted"
                        title={`Served by MCP server ${item.mcpServers.join(", ")}`}
                        data-testid="mcp-badge"
                      >
                        MCP · {item.mcpServers.join(", ")}
                      </span>
                    ) : null}
                  </td>
                  <td className={num}>{item.count.toLocaleString("en-US")}</td>
                  <td className={num}>{formatDuration(item.p50Ms)}</td>
                  <td className={`${num} font-medium`}>{formatDuration(item.p95Ms)}</td>
                  <td className={num}>{formatDuration(item.p99Ms)}</td>
                  <td className={`${num} text-fg-muted`}>{formatDuration(item.maxMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
