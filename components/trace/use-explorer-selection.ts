"use client";

import { useCallback, useState } from "react";
import { listAncestorIds } from "@/lib/trace/flatten-visible-rows";
import { pickInitialSpanId, type SpanTree } from "@/lib/trace/span-tree";

/**
 * Selected span and collapsed set. The selection is mirrored into `?span=` with history.replaceState (no
 * server round trip), so the URL always shares the current view.
 */
export function useExplorerSelection(tree: SpanTree, initialSpanId: string | null) {
  const [selectedId, setSelectedId] = useState<string | null>(() => pickInitialSpanId(tree, initialSpanId));
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  const select = useCallback(
    (spanId: string) => {
      setSelectedId(spanId);
      // A span selected by keyboard or link may sit under a collapsed ancestor: open the path to it.
      const ancestors = listAncestorIds(tree.byId.get(spanId));
      setCollapsed((current) => (ancestors.some((id) => current.has(id)) ? new Set([...current].filter((id) => !ancestors.includes(id))) : current));
      const url = new URL(window.location.href);
      url.searchParams.set("span", spanId);
      window.history.replaceState(window.history.state, "", url);
    },
    [tree],
  );

  const toggle = useCallback((spanId: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(spanId)) next.delete(spanId);
      else next.add(spanId);
      return next;
    });
  }, []);

  return { selectedId, select, collapsed, setCollapsed, toggle };
}
