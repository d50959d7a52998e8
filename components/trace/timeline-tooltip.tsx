import { getKindStyle } from "@/components/trace/kind-style";
import { formatDuration } from "@/lib/format/duration";
import type { SpanNode } from "@/lib/trace/span-tree";
import type { RowFigures } from "@/lib/trace/row-figures";

/** Hover card for a timeline bar. Fixed to the viewport next to the pointer; all content is text. */
export function TimelineTooltip({
  node,
  figures,
  originMs,
  x,
  y,
}: {
  node: SpanNode;
  figures: RowFigures | undefined;
  originMs: number;
  x: number;
  y: number;
}) {
  const span = node.span;
  const flipX = typeof window !== "undefined" && x > window.innerWidth - 300;
  return (
    <div
      role="tooltip"
      data-testid="timeline-tooltip"
      className="pointer-events-none fixed z-50 max-w-72 rounded-md border border-line bg-bg p-2 text-xs shadow-lg"
      style={{ top: y + 14, ...(flipX ? { right: window.innerWidth - x + 8 } : { left: x + 12 }) }}
    >
      <div className="mb-1 truncate font-medium">{span.name}</div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-fg-muted">
        <dt>Kind</dt>
        <dd className="text-fg">{getKindStyle(span.kind).label}</dd>
        <dt>Start</dt>
        <dd className="text-fg tabular-nums">+{formatDuration(node.startMs - originMs)}</dd>
        <dt>{span.kind === "approval" ? "Human wait" : "Duration"}</dt>
        <dd className="text-fg tabular-nums">{formatDuration(span.durationMs)}</dd>
        {span.model ? (
          <>
            <dt>Model</dt>
            <dd className="truncate text-fg">{span.model}</dd>
          </>
        ) : null}
        {figures?.tokensText ? (
          <>
            <dt>Tokens</dt>
            <dd className="text-fg tabular-nums">{figures.tokensText}</dd>
          </>
        ) : null}
        {figures?.costText ? (
          <>
            <dt>Cost</dt>
            <dd className="text-fg tabular-nums">{figures.costText}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd className={span.status === "error" ? "text-danger" : "text-fg"}>{span.status}</dd>
      </dl>
      {span.status === "error" && span.statusMessage ? <p className="mt-1 line-clamp-3 text-danger">{span.statusMessage}</p> : null}
    </div>
  );
}
