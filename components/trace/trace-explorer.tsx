"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { SpanDetailPanel } from "@/components/trace/span-detail/span-detail-panel";
import { SpanRows } from "@/components/trace/span-rows";
import { TimelineTooltip } from "@/components/trace/timeline-tooltip";
import { ExplorerToolbar } from "@/components/trace/explorer-toolbar";
import { FindingsStrip } from "@/components/retro/findings-strip";
import { useRetroOverlay } from "@/components/retro/use-retro-overlay";
import { useExplorerSelection } from "@/components/trace/use-explorer-selection";
import { useSpanDetail, type LoadSpan } from "@/components/trace/use-span-detail";
import { flattenVisibleRows } from "@/lib/trace/flatten-visible-rows";
import { computeRowFigures } from "@/lib/trace/row-figures";
import { unpackSpanOutlines, type PackedSpanOutlines } from "@/lib/trace/span-outline";
import { buildSpanTree } from "@/lib/trace/span-tree";
import { computeSubtreeAggregates } from "@/lib/trace/subtree-aggregates";
import { zoomWindow, type TimeWindow } from "@/lib/trace/timeline-layout";
import { navigateTree } from "@/lib/trace/tree-navigation";
import type { CriticalPathView } from "@/lib/trace/critical-path-view";
import type { Finding } from "@/lib/retro/types";

type Props = {
  traceId: string;
  /** Outlines of every span (packed): enough to draw the tree and the timeline. */
  outlines: PackedSpanOutlines;
  /** From the URL (`?span=`), so a link can open a trace on one span; else the root is selected. */
  initialSpanId: string | null;
  /** Server action returning the full detail of a span, called when one is selected. */
  loadSpan: LoadSpan;
  /** The trace's findings (retro analysis), shown above the tree; choosing one highlights its spans. */
  findings?: readonly Finding[];
  /** The critical path, shown on the timeline when switched on. */
  criticalPath?: CriticalPathView | null;
};

type Hover = { spanId: string; x: number; y: number } | null;

/** Tree, waterfall and span detail of one trace. Every derivation is a memoised pure function of lib/trace. */
export function TraceExplorer({ traceId, outlines, initialSpanId, loadSpan, findings = [], criticalPath = null }: Props) {
  const tree = useMemo(() => buildSpanTree(unpackSpanOutlines(outlines)), [outlines]);
  const aggregates = useMemo(() => computeSubtreeAggregates(tree), [tree]);
  const bounds = useMemo<TimeWindow>(() => ({ startMs: tree.startMs, endMs: Math.max(tree.endMs, tree.startMs + 1) }), [tree]);

  const [view, setView] = useState<TimeWindow>(bounds);
  const [hover, setHover] = useState<Hover>(null);
  const { selectedId, select, collapsed, setCollapsed, toggle } = useExplorerSelection(tree, initialSpanId);
  const detail = useSpanDetail(traceId, selectedId, loadSpan);
  const overlay = useRetroOverlay(findings, criticalPath, select);

  const rows = useMemo(() => flattenVisibleRows(tree, collapsed), [tree, collapsed]);

  // Hydrated and interactive: a mark for scripts/bench-ui.ts and a hook for tests.
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    performance.mark("hindsight:trace-interactive");
    if (rootRef.current) rootRef.current.dataset.ready = "true";
  }, []);

  const onHover = useCallback((spanId: string | null, x: number, y: number) => setHover(spanId ? { spanId, x, y } : null), []);
  const onZoomTo = useCallback(
    (spanId: string) => {
      const node = tree.byId.get(spanId);
      if (!node) return;
      const pad = Math.max((node.endMs - node.startMs) * 0.05, 0.05);
      setView({ startMs: Math.max(bounds.startMs, node.startMs - pad), endMs: Math.min(bounds.endMs, node.endMs + pad) });
    },
    [tree, bounds],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const action = navigateTree(event.key, rows, selectedId, collapsed);
    if (!action) return;
    event.preventDefault();
    if (action.selectId) select(action.selectId);
    if (action.expandId || action.collapseId) toggle((action.expandId ?? action.collapseId)!);
  }

  const selectedNode = selectedId ? tree.byId.get(selectedId) : undefined;
  const hoverNode = hover ? tree.byId.get(hover.spanId) : undefined;
  const isZoomed = view.startMs > bounds.startMs || view.endMs < bounds.endMs;

  if (tree.nodes.length === 0) {
    return <p className="p-4 text-sm text-fg-muted">This trace has no spans yet.</p>;
  }

  return (
    <div ref={rootRef} className="flex min-h-0 flex-1 border-t border-line" data-testid="trace-explorer">
      <section className="flex min-h-0 min-w-0 flex-1 flex-col" aria-label="Span tree and timeline">
        <FindingsStrip findings={findings} activeIndex={overlay.activeIndex} onActivate={overlay.activate} />
        <ExplorerToolbar
          spanCount={tree.nodes.length}
          orphanCount={tree.orphanCount}
          isZoomed={isZoomed}
          onExpandAll={() => setCollapsed(new Set())}
          onCollapseAll={() => setCollapsed(new Set(tree.nodes.filter((n) => n.children.length > 0).map((n) => n.spanId)))}
          onZoomIn={() => setView((w) => zoomWindow(w, bounds, 0.5))}
          onZoomOut={() => setView((w) => zoomWindow(w, bounds, 2))}
          onResetZoom={() => setView(bounds)}
          isPathShown={overlay.isPathShown}
          onTogglePath={criticalPath ? overlay.togglePath : undefined}
        />
        <SpanRows
          rows={rows}
          collapsed={collapsed}
          selectedId={selectedId}
          highlighted={overlay.highlighted}
          onPath={overlay.onPath}
          aggregates={aggregates}
          window={view}
          originMs={bounds.startMs}
          onToggle={toggle}
          onSelect={select}
          onHover={onHover}
          onZoomTo={onZoomTo}
          onZoom={setView}
          onKeyDown={onKeyDown}
        />
      </section>
      <aside className="flex min-h-0 w-[40%] max-w-[48rem] min-w-[22rem] flex-col border-l border-line" aria-label="Span detail">
        {selectedNode ? (
          <SpanDetailPanel
            key={selectedNode.spanId}
            node={selectedNode}
            detail={detail}
            aggregate={aggregates[selectedNode.index]!}
            originMs={bounds.startMs}
            onZoomTo={onZoomTo}
          />
        ) : (
          <p className="p-4 text-sm text-fg-muted">Select a span to see its detail.</p>
        )}
      </aside>
      {hover && hoverNode ? (
        <TimelineTooltip
          node={hoverNode}
          figures={computeRowFigures(hoverNode, aggregates[hoverNode.index])}
          originMs={bounds.startMs}
          x={hover.x}
          y={hover.y}
        />
      ) : null}
    </div>
  );
}
