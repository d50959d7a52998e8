import { ProjectLink } from "@/components/shell/project-link";
import { formatDuration } from "@/lib/format/duration";
import type { ToolCall } from "@/lib/trace/tool-call-types";

const MAX_ARGUMENTS = 160;

/** Arguments as text (span content is untrusted: always rendered as text), cut to one line's worth. */
function argumentsText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_ARGUMENTS ? `${text.slice(0, MAX_ARGUMENTS)}…` : text;
}

/** One row per call, newest first; the time opens its trace at the call. */
export function ToolCallTable({ calls }: { calls: ToolCall[] }) {
  if (calls.length === 0) return <p className="text-sm text-fg-muted">No tool calls match.</p>;
  return (
    <div className="overflow-x-auto rounded border border-line">
      <table className="w-full text-sm" data-testid="tool-call-table">
        <thead className="bg-surface-2 text-left text-xs text-fg-muted">
          <tr>
            {["Time", "Tool", "MCP server", "Agent", "User", "Effect", "Status", "Duration", "Approved run", "Arguments"].map((h) => (
              <th key={h} className="px-2 py-1.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={`${c.traceId}.${c.spanId}`} className="border-t border-line" data-testid="tool-call-row">
              <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
                <ProjectLink href={`/traces/${c.traceId}?span=${c.spanId}`} className="text-accent hover:underline">
                  {c.time.replace("T", " ").slice(0, 19)}
                </ProjectLink>
              </td>
              <td className="px-2 py-1.5 font-mono">{c.toolName}</td>
              <td className="px-2 py-1.5">{c.mcpServer ?? ""}</td>
              <td className="px-2 py-1.5">{c.agentName ?? ""}</td>
              <td className="px-2 py-1.5">{c.userId ?? ""}</td>
              <td className={`px-2 py-1.5 ${c.effect === "write" ? "font-medium text-orange-600 dark:text-orange-400" : ""}`}>{c.effect ?? ""}</td>
              <td className={`px-2 py-1.5 ${c.status === "error" ? "text-danger" : ""}`}>{c.status}</td>
              <td className="px-2 py-1.5 tabular-nums">{formatDuration(c.durationMs)}</td>
              <td className="px-2 py-1.5">{c.runApproved ? "yes" : "no"}</td>
              <td className="max-w-80 truncate px-2 py-1.5 font-mono text-xs" title={argumentsText(c.arguments)}>
                {argumentsText(c.arguments)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
