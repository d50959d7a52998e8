"use client";

import { useRef, useState, type PointerEvent } from "react";
import { formatAxisOffset } from "@/lib/format/duration";
import { computeTimeTicks, selectWindow, type TimeWindow } from "@/lib/trace/timeline-layout";

type Props = {
  window: TimeWindow;
  /** Trace start: tick labels are offsets from it. */
  originMs: number;
  onZoom: (window: TimeWindow) => void;
};

/** Time axis above the waterfall. Drag across it to zoom into that range. */
export function TimelineAxis({ window, originMs, onZoom }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const ticks = computeTimeTicks(window, originMs, 5);
  const length = window.endMs - window.startMs;

  function pctAt(clientX: number): number {
    const rect = ref.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return ((clientX - rect.left) / rect.width) * 100;
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    const pct = pctAt(e.clientX);
    setDrag({ from: pct, to: pct });
  }

  function onPointerUp() {
    if (drag && Math.abs(drag.to - drag.from) > 1) onZoom(selectWindow(window, drag.from, drag.to));
    setDrag(null);
  }

  return (
    <div
      ref={ref}
      data-testid="timeline-axis"
      className="relative h-full cursor-col-resize touch-none select-none"
      title="Drag to zoom into a time range"
      onPointerDown={onPointerDown}
      onPointerMove={(e) => drag && setDrag({ from: drag.from, to: pctAt(e.clientX) })}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
    >
      {ticks.map((tick) => (
        <span
          key={tick.offsetMs}
          className="absolute bottom-1 border-l border-line pl-1 text-[10px] tracking-normal whitespace-nowrap text-fg-muted normal-case tabular-nums"
          style={{
            left: `${tick.pct}%`,
            ...(tick.pct > 92 ? { transform: "translateX(-100%)", borderLeft: 0, borderRight: "1px solid var(--hs-line)", paddingRight: 4 } : {}),
          }}
        >
          {formatAxisOffset(tick.offsetMs, length)}
        </span>
      ))}
      {drag ? (
        <div
          className="absolute inset-y-0 bg-accent/20 ring-1 ring-accent"
          style={{ left: `${Math.max(0, Math.min(drag.from, drag.to))}%`, width: `${Math.min(100, Math.abs(drag.to - drag.from))}%` }}
        />
      ) : null}
    </div>
  );
}

/** Vertical tick lines through all rows; one element for the whole list, not one per row. */
export function TimelineGrid({ window, originMs }: { window: TimeWindow; originMs: number }) {
  const ticks = computeTimeTicks(window, originMs, 5);
  return (
    <div className="pointer-events-none absolute inset-y-0 right-0 left-[var(--tree-w)]" aria-hidden="true">
      {ticks.map((tick) => (
        <div key={tick.offsetMs} className="absolute inset-y-0 border-l border-line/60" style={{ left: `${tick.pct}%` }} />
      ))}
    </div>
  );
}
