"use client";

import { memo } from "react";
import { KindIcon } from "@/components/trace/kind-icon";
import { getKindStyle } from "@/components/trace/kind-style";

export type SpanRowProps = {
  spanId: string;
  name: string;
  kind: string;
  /** The MCP server an MCP span belongs to. */
  mcpServer?: string | null;
  depth: number;
  /** Position of the row in the virtual list, in px. */
  top: number;
  height: number;
  hasChildren: boolean;
  isCollapsed: boolean;
  isSelected: boolean;
  isError: boolean;
  isOrphan: boolean;
  /** One of the spans of the finding chosen in the findings strip. */
  isHighlighted: boolean;
  /** Whether the critical path is shown, and if so whether this span is on it. */
  pathState: "hidden" | "on" | "off";
  durationText: string;
  tokensText: string;
  costText: string;
  /** Subtree figures differ from the span's own (a parent): shown with Σ. */
  isAggregate: boolean;
  isCostUnknown: boolean;
  leftPct: number;
  widthPct: number;
  isBarVisible: boolean;
  onToggle: (spanId: string) => void;
  onSelect: (spanId: string) => void;
  onHover: (spanId: string | null, x: number, y: number) => void;
  onZoomTo: (spanId: string) => void;
};

const INDENT_PX = 14;
/** Deeper levels stop indenting (a 10,000-deep chain would run off screen) and show their depth instead. */
const MAX_INDENT_DEPTH = 24;

/**
 * One row of the explorer: the tree cell and the timeline cell side by side, so the waterfall always lines
 * up with the tree. Memoised with primitive props: selecting a span re-renders two rows, not ten thousand.
 */
export const SpanRow = memo(function SpanRow(props: SpanRowProps) {
  const { spanId, depth, isSelected, isError } = props;
  const kindStyle = getKindStyle(props.kind);
  const indent = Math.min(depth, MAX_INDENT_DEPTH) * INDENT_PX;
  // Duration label beside the bar where there is room, else inside it.
  const labelPlacement = props.leftPct + props.widthPct < 80 ? "after" : props.leftPct > 20 ? "before" : "inside";
  const labelStyle =
    labelPlacement === "after"
      ? { left: `${props.leftPct + props.widthPct}%` }
      : labelPlacement === "before"
        ? { right: `${100 - props.leftPct}%` }
        : { left: `${props.leftPct}%` };

  return (
    <div
      id={`span-row-${spanId}`}
      role="treeitem"
      aria-level={depth + 1}
      aria-selected={isSelected}
      aria-expanded={props.hasChildren ? !props.isCollapsed : undefined}
      data-testid="span-row"
      data-span-id={spanId}
      data-kind={props.kind}
      data-status={isError ? "error" : "ok"}
      data-highlighted={props.isHighlighted ? "true" : undefined}
      data-critical={props.pathState === "on" ? "true" : undefined}
      onClick={() => props.onSelect(spanId)}
      className={`absolute top-0 left-0 grid w-full cursor-default grid-cols-[var(--tree-w)_1fr] text-xs ${isSelected ? "bg-accent-soft" : props.isHighlighted ? "bg-amber-500/15" : "hover:bg-surface"}`}
      style={{ height: props.height, transform: `translateY(${props.top}px)` }}
    >
      <div
        className={`flex min-w-0 items-center gap-1 border-r border-line pr-2 ${props.isHighlighted ? "shadow-[inset_3px_0_0_0_rgb(245_158_11)]" : ""}`}
        style={{ paddingLeft: 4 + indent }}
      >
        {props.hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-label={props.isCollapsed ? "Expand" : "Collapse"}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle(spanId);
            }}
            className="flex size-4 shrink-0 items-center justify-center rounded text-fg-muted hover:bg-muted"
          >
            {props.isCollapsed ? "▸" : "▾"}
          </button>
        ) : (
          <span className="size-4 shrink-0" />
        )}
        {depth > MAX_INDENT_DEPTH ? <span className="shrink-0 text-[10px] text-fg-muted">↳{depth}</span> : null}
        <KindIcon kind={props.kind} />
        <span className={`min-w-0 flex-1 truncate ${isError ? "font-medium text-danger" : ""}`} title={props.name} data-testid="span-name">
          {props.name}
        </span>
        {props.mcpServer ? (
          <span className="max-w-32 shrink-0 truncate rounded bg-muted px-1 text-[10px] text-fg-muted" title={`MCP server ${props.mcpServer}`}>
            MCP · {props.mcpServer}
          </span>
        ) : null}
        {isError ? (
          <span className="shrink-0 rounded bg-danger/10 px-1 text-[10px] font-semibold text-danger" aria-label="error">
            error
          </span>
        ) : null}
        {props.isOrphan ? (
          <span className="shrink-0 rounded bg-warn/10 px-1 text-[10px] text-warn" title="Its parent span never arrived">
            orphan
          </span>
        ) : null}
        <span className="w-14 shrink-0 text-right text-fg-muted tabular-nums">{props.durationText}</span>
        <span className="w-12 shrink-0 text-right text-fg-muted tabular-nums" title={props.isAggregate ? "Tokens of this subtree" : "Tokens"}>
          {props.tokensText ? `${props.isAggregate ? "Σ" : ""}${props.tokensText}` : ""}
        </span>
        <span
          className={`w-16 shrink-0 text-right tabular-nums ${props.isCostUnknown ? "text-warn" : "text-fg-muted"}`}
          title={props.isAggregate ? "Cost of this subtree" : "Cost"}
        >
          {props.costText}
        </span>
      </div>
      <div className="relative min-w-0 overflow-hidden" onDoubleClick={() => props.onZoomTo(spanId)}>
        {props.isBarVisible ? (
          <>
            <div
              data-testid="timeline-bar"
              className={`absolute top-1/2 h-3 -translate-y-1/2 rounded-sm ${isError ? "bar-error bg-red-500" : kindStyle.bar} ${isSelected ? "ring-2 ring-accent ring-offset-1 ring-offset-bg" : props.isHighlighted ? "ring-2 ring-amber-500" : props.pathState === "on" ? "ring-2 ring-rose-500" : ""} ${props.pathState === "off" ? "opacity-25" : ""}`}
              style={{ left: `${props.leftPct}%`, width: `${props.widthPct}%` }}
              onMouseMove={(e) => props.onHover(spanId, e.clientX, e.clientY)}
              onMouseLeave={() => props.onHover(null, 0, 0)}
            />
            <span
              className={`pointer-events-none absolute top-1/2 -translate-y-1/2 px-1 text-[10px] whitespace-nowrap tabular-nums ${labelPlacement === "inside" ? "font-medium text-white" : "text-fg-muted"}`}
              style={labelStyle}
            >
              {props.durationText}
            </span>
          </>
        ) : null}
      </div>
    </div>
  );
});
