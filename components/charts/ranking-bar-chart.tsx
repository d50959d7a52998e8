"use client";
// Totals of a window per group (cost by agent, model, user), as horizontal bars, largest first.
// Clicking a bar opens that group's traces over the window.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatChartValue, type RankedItem, type ValueKind } from "@/lib/format/chart";
import { AXIS_PROPS, BAR_TOOLTIP_PROPS, ChartContainer, GRID_PROPS } from "./chart-container";
import { useTraceLink } from "./use-trace-link";

type Props = {
  title: string;
  items: RankedItem[];
  valueKind: ValueKind;
  /** The window the totals cover: the traces a bar opens. */
  fromMs: number;
  toMs: number;
  color: string;
  /** Name of the value in the tooltip. */
  valueLabel?: string;
  testId?: string;
  emptyText?: string;
};

const ROW_HEIGHT = 28;
/** Group names are cut to fit the label column (the tooltip shows them whole). */

/** Horizontal bar ranking; each bar links to its group's traces. */
export function RankingBarChart({ title, items, valueKind, fromMs, toMs, color, valueLabel = "Cost", testId, emptyText }: Props) {
  const openTraces = useTraceLink();
  const rows = items.map((item) => ({ ...item, name: item.label }));
  function RankBar(props: BarShapeProps) {
    const { x, y, width, height, index } = props;
    const item = items[index];
    if (!item || width == null || height == null) return null;
    return (
      <rect
        x={x}
        y={y}
        width={Math.max(width, 2)}
        height={height}
        rx={3}
        fill={color}
        className="cursor-pointer hover:opacity-80"
        data-testid="chart-bar"
        data-series={item.label}
        onClick={() => openTraces(item.filter, fromMs, toMs)}
      />
    );
  }
  return (
    <ChartContainer title={title} height={Math.max(120, rows.length * ROW_HEIGHT + 24)} isEmpty={items.length === 0} testId={testId} emptyText={emptyText}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid {...GRID_PROPS} horizontal={false} vertical />
        <XAxis type="number" {...AXIS_PROPS} tickFormatter={(v: number) => formatChartValue(valueKind, v)} />
        <YAxis
          type="category"
          dataKey="name"
          {...AXIS_PROPS}
          width={132}
          interval={0}
          tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
        />
        <Tooltip
          {...BAR_TOOLTIP_PROPS}
          formatter={(value, _name, entry) => [
            `${formatChartValue(valueKind, typeof value === "number" ? value : null)} · ${(entry.payload as RankedItem).detail ?? ""}`,
            valueLabel,
          ]}
        />
        <Bar dataKey="value" name={valueLabel} fill={color} isAnimationActive={false} shape={RankBar} barSize={16} />
      </BarChart>
    </ChartContainer>
  );
}
