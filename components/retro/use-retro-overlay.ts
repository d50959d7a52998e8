"use client";

import { useCallback, useMemo, useState } from "react";
import type { Finding } from "@/lib/retro/types";
import type { CriticalPathView } from "@/lib/trace/critical-path-view";

const NONE: ReadonlySet<string> = new Set();

/**
 * What the explorer overlays on its rows: the spans of the finding chosen in the findings strip, and the
 * critical path when it is switched on. Choosing a finding selects its first span (which scrolls to it).
 */
export function useRetroOverlay(findings: readonly Finding[], path: CriticalPathView | null, select: (spanId: string) => void) {
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const [isPathShown, setPathShown] = useState(false);
  const highlighted = useMemo(() => (activeIndex === null ? NONE : new Set(findings[activeIndex]?.spanIds ?? [])), [findings, activeIndex]);
  const onPath = useMemo(() => new Set(path?.segments.map((s) => s.spanId) ?? []), [path]);
  const activate = useCallback(
    (index: number | null) => {
      setActiveIndex(index);
      const first = index === null ? undefined : findings[index]?.spanIds[0];
      if (first) select(first);
    },
    [findings, select],
  );
  return { activeIndex, activate, highlighted, onPath: isPathShown ? onPath : null, isPathShown, togglePath: () => setPathShown((shown) => !shown) };
}
