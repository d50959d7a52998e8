"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { SpanRow } from "@/components/trace/span-row";
import { TimelineAxis, TimelineGrid } from "@/components/trace/timeline-axis";
import { computeRowFigures } from "@/lib/trace/row-figures";
import type { SpanNode } from "@/lib/trace/span-tree";
import type { UsageAggregate } from "@/lib/trace/subtree-aggregates";
import { computeBarLayout, type TimeWindow } from "@/lib/trace/timeline-layout";

const ROW_HEIGHT = 28;

type Props = {
  rows: SpanNode[];
  collapsed: ReadonlySet<string>;
  selectedId: string | null;
  /** Spans of the finding chosen in the findings strip. */
  highlighted: ReadonlySet<string>;
  /** Spans on the critical path while it is shown, else null. */
  onPath: ReadonlySet<string> | null;
  /** Subtree totals, indexed by node.index. */
  aggregates: UsageAggregate[];
  window: TimeWindow;
  originMs: number;
  onToggle: (spanId: string) => void;
  onSelect: (spanId: string) => void;
  onHover: (spanId: string | null, x: number, y: number) => void;
  onZoomTo: (spanId: string) => void;
  onZoom: (window: TimeWindow) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
};

/**
 * Tree and waterfall as one virtualised list: only the rows on screen (plus a small overscan) exist in the
 * DOM, keyed by spanId. Rows have one fixed height, so no measuring is needed. Rows are memoised on
 * primitive props, so selection or hover re-renders only the rows whose props changed.
 */
export function SpanRows(props: Props) {
  const { rows, aggregates, selectedId } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler is not enabled; rows are memoised by hand (React.memo), so this is safe.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.spanId,
    overscan: 12,
    // Lets the server render the first screen of rows, so the tree shows before hydration.
    initialRect: { width: 1200, height: 900 },
    // flushSync from inside the selection effect's scrollToIndex makes React warn; async updates suffice.
    useFlushSync: false,
  });

  const selectedIndex = selectedId ? rows.findIndex((row) => row.spanId === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  return (
    <div className="flex min-h-0 flex-1 flex-col" style={{ ["--tree-w" as string]: "55%" }}>
      <div className="grid h-7 shrink-0 grid-cols-[var(--tree-w)_1fr] border-b border-line bg-surface text-[10px] tracking-wide text-fg-muted uppercase">
        <div className="flex items-center gap-1 border-r border-line pr-2 pl-2">
          <span className="flex-1">Span</span>
          <span className="w-14 text-right">Duration</span>
          <span className="w-12 text-right">Tokens</span>
          <span className="w-16 text-right">Cost</span>
        </div>
        <TimelineAxis window={props.window} originMs={props.originMs} onZoom={props.onZoom} />
      </div>
      <div
        ref={scrollRef}
        role="tree"
        aria-label="Spans"
        aria-activedescendant={selectedId ? `span-row-${selectedId}` : undefined}
        tabIndex={0}
        onKeyDown={props.onKeyDown}
        data-testid="span-tree"
        className="relative min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-accent/40"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          <TimelineGrid window={props.window} originMs={props.originMs} />
          {virtualizer.getVirtualItems().map((item) => {
            const node = rows[item.index]!;
            // Figures and bar geometry are derived for the rows on screen only.
            const fig = computeRowFigures(node, aggregates[node.index]);
            const bar = computeBarLayout(node.startMs, node.endMs, props.window);
            return (
              <SpanRow
                key={item.key}
                spanId={node.spanId}
                name={node.span.name}
                mcpServer={node.span.mcpServer}
                kind={node.span.kind}
                depth={node.depth}
                top={item.start}
                height={ROW_HEIGHT}
                hasChildren={node.children.length > 0}
                isCollapsed={props.collapsed.has(node.spanId)}
                isSelected={node.spanId === selectedId}
                isError={node.span.status === "error"}
                isOrphan={node.isOrphan}
                isHighlighted={props.highlighted.has(node.spanId)}
                pathState={props.onPath === null ? "hidden" : props.onPath.has(node.spanId) ? "on" : "off"}
                durationText={fig.durationText}
                tokensText={fig.tokensText}
                costText={fig.costText}
                isAggregate={fig.isAggregate}
                isCostUnknown={fig.isCostUnknown}
                leftPct={bar.leftPct}
                widthPct={bar.widthPct}
                isBarVisible={bar.isVisible}
                onToggle={props.onToggle}
                onSelect={props.onSelect}
                onHover={props.onHover}
                onZoomTo={props.onZoomTo}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
