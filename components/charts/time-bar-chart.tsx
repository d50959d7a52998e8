"use client";
// Stacked bars over time (spend of completed vs failed runs, input vs output tokens). Clicking a bar
// segment opens the traces of that series in that bucket.
import { useMemo, type ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { buildTimeTicks, formatChartValue, formatTimeTick, type ChartSeries, type TimeRow, type TimeSeriesData, type ValueKind } from "@/lib/format/chart";
import { AXIS_PROPS, BAR_TOOLTIP_PROPS, ChartContainer, GRID_PROPS, LEGEND_PROPS } from "./chart-container";
import { useTraceLink } from "./use-trace-link";

type Props = {
  title: string;
  subtitle?: ReactNode;
  data: TimeSeriesData;
  valueKind: ValueKind;
  windowMs: number;
  height?: number;
  /** Most x-axis labels to show (fewer on narrow charts). */
  maxTicks?: number;
  testId?: string;
  /** The project page a click opens (default: the traces). */
  linkPath?: string;
  /** Extra chart layers, e.g. <ModelChangeMarkers> (drawn over the grid, under the data). */
  children?: ReactNode;
};

const FOREVER = Number.MAX_SAFE_INTEGER;

/** Stacked bar chart over time buckets; each segment links to its traces. */
export function TimeBarChart({ title, subtitle, data, valueKind, windowMs, height = 240, maxTicks = 8, testId, linkPath, children }: Props) {
  const openTraces = useTraceLink(linkPath);
  const first = data.rows[0]?.t ?? 0;
  const ticks = useMemo(
    () => buildTimeTicks(first, first + data.rows.length * data.bucketMs, data.bucketMs, maxTicks),
    [first, data.rows.length, data.bucketMs, maxTicks],
  );
  const hasData = data.rows.some((row) => data.series.some((s) => (row[s.key] ?? 0) > 0));
  const shapeOf = (series: ChartSeries) =>
    function BarSegment(props: BarShapeProps) {
      return <Segment {...props} series={series} onOpen={(row) => openTraces(series.filter, row.t, row.t + data.bucketMs)} />;
    };

  return (
    <ChartContainer title={title} subtitle={subtitle} height={height} isEmpty={!hasData} testId={testId}>
      <BarChart data={data.rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis
          dataKey="t"
          {...AXIS_PROPS}
          ticks={ticks}
          interval="preserveStartEnd"
          minTickGap={16}
          tickFormatter={(t: number) => formatTimeTick(t, data.bucketMs, windowMs)}
        />
        <YAxis {...AXIS_PROPS} width={64} tickFormatter={(v: number) => formatChartValue(valueKind, v)} />
        <Tooltip
          {...BAR_TOOLTIP_PROPS}
          labelFormatter={(t) => formatTimeTick(Number(t), data.bucketMs, FOREVER)}
          formatter={(value) => formatChartValue(valueKind, typeof value === "number" ? value : null)}
        />
        <Legend {...LEGEND_PROPS} iconType="square" />
        {children}
        {data.series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false} shape={shapeOf(s)} />
        ))}
      </BarChart>
    </ChartContainer>
  );
}

function Segment({ x, y, width, height, payload, series, onOpen }: BarShapeProps & { series: ChartSeries; onOpen: (row: TimeRow) => void }) {
  if (!width || !height || height <= 0) return null;
  const row = payload as TimeRow;
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      fill={series.color}
      className="cursor-pointer hover:opacity-80"
      data-testid="chart-bar"
      data-series={series.label}
      data-t={row.t}
      onClick={() => onOpen(row)}
    />
  );
}
