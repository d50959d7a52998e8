import { KindIcon } from "@/components/trace/kind-icon";
import { getKindStyle } from "@/components/trace/kind-style";
import { CopyButton } from "@/components/ui/copy-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/lib/format/duration";
import type { SpanNode } from "@/lib/trace/span-tree";
import type { Span } from "@/lib/trace/types";

/** Name, kind, status, timing and ids of the selected span: from its outline at once, the rest once loaded. */
export function SpanDetailHeader({
  node,
  span: full,
  originMs,
  onZoomTo,
}: {
  node: SpanNode;
  span: Span | null;
  originMs: number;
  onZoomTo: (spanId: string) => void;
}) {
  const span = node.span;
  const facts: [string, string | null][] = [
    ["Kind", getKindStyle(span.kind).label],
    ["Tool", span.toolName],
    ["Agent", span.agentName],
    ["MCP server", span.mcpServer],
    ["Model", span.model],
    ["Service", span.serviceName],
  ];
  return (
    <div className="flex shrink-0 flex-col gap-1.5 border-b border-line p-3">
      <div className="flex items-start gap-2">
        <KindIcon kind={span.kind} />
        <h2 className="min-w-0 flex-1 text-sm font-semibold break-words" data-testid="span-detail-name">
          {span.name}
        </h2>
        <StatusBadge status={span.status} />
      </div>
      <div className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-fg-muted">
        <span className="tabular-nums">
          {formatDuration(span.durationMs)} at +{formatDuration(node.startMs - originMs)}
        </span>
        {facts.map(([label, value]) =>
          value ? (
            <span key={label}>
              {label}: <span className="text-fg">{value}</span>
            </span>
          ) : null,
        )}
        {node.isOrphan ? <span className="text-warn">parent {span.parentSpanId} never arrived</span> : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-[11px] text-fg-muted">
        <span className="font-mono">span {span.spanId}</span>
        <CopyButton text={span.spanId} label="Copy id" />
        {full?.toolCallId ? <span className="font-mono">call {full.toolCallId}</span> : null}
        <button type="button" onClick={() => onZoomTo(span.spanId)} className="ml-auto rounded border border-line px-1.5 py-0.5 hover:text-fg">
          Zoom timeline to span
        </button>
      </div>
    </div>
  );
}
