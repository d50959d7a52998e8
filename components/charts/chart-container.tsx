"use client";
// The one place Recharts is wrapped: a titled frame with a responsive plot area and an empty state,
// plus the axis, grid, tooltip and legend styling every chart shares. Colours come from the theme's
// CSS variables, so charts follow light and dark mode without re-rendering.
import type { CSSProperties, ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

type Props = {
  title: string;
  subtitle?: ReactNode;
  /** Plot height in pixels. */
  height?: number;
  /** Shows `emptyText` instead of the chart. */
  isEmpty?: boolean;
  emptyText?: string;
  testId?: string;
  /** Controls shown at the right of the title (a select, links). */
  actions?: ReactNode;
  /** A single Recharts chart element (LineChart, BarChart…). */
  children: ReactElement;
};

/** A chart card: title, optional subtitle and actions, and the chart (or an empty state). */
export function ChartContainer({
  title,
  subtitle,
  height = 240,
  isEmpty = false,
  emptyText = "No data in this time range.",
  testId,
  actions,
  children,
}: Props) {
  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-line bg-bg p-3" data-testid={testId}>
      <figcaption className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="truncate text-sm font-medium" title={title}>
            {title}
          </div>
          {subtitle ? <div className="text-xs text-fg-muted">{subtitle}</div> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </figcaption>
      {isEmpty ? (
        <div className="grid place-items-center rounded border border-dashed border-line text-sm text-fg-muted" style={{ height }} data-testid="chart-empty">
          {emptyText}
        </div>
      ) : (
        // The tooltip cursor and reference lines are drawn above the points: let clicks through to them.
        <div style={{ height }} className="min-w-0 [&_.recharts-reference-line]:pointer-events-none [&_.recharts-tooltip-cursor]:pointer-events-none">
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

const TICK = { fill: "var(--hs-fg-muted)", fontSize: 11 };

export const AXIS_PROPS = { stroke: "var(--hs-line)", tick: TICK, tickLine: false, axisLine: { stroke: "var(--hs-line)" } } as const;
export const GRID_PROPS = { stroke: "var(--hs-line)", strokeDasharray: "3 3", vertical: false } as const;

const TOOLTIP_BOX: CSSProperties = {
  background: "var(--hs-bg)",
  border: "1px solid var(--hs-line)",
  borderRadius: 6,
  fontSize: 12,
  color: "var(--hs-fg)",
  boxShadow: "0 4px 12px rgb(0 0 0 / 0.15)",
};

export const TOOLTIP_PROPS = {
  contentStyle: TOOLTIP_BOX,
  labelStyle: { color: "var(--hs-fg-muted)", marginBottom: 4 },
  itemStyle: { padding: 0 },
  cursor: { stroke: "var(--hs-fg-muted)", strokeDasharray: "3 3" },
  isAnimationActive: false,
} as const;

export const BAR_TOOLTIP_PROPS = { ...TOOLTIP_PROPS, cursor: { fill: "var(--hs-muted)", fillOpacity: 0.6 } } as const;

export const LEGEND_PROPS = { iconType: "plainline", iconSize: 14, wrapperStyle: { fontSize: 12, color: "var(--hs-fg-muted)" } } as const;
