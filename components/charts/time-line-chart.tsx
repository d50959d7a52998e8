"use client";
// Values over time, one line per series (percentiles of a task, cost per run of each task…). Every
// point is a dot that opens the traces of its series in its bucket.
import { ModelChangeMarkers } from "./model-change-markers";
import type { ModelChangeMark } from "@/lib/format/model-change-marks";
import { useMemo, type ReactNode } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type DotItemDotProps } from "recharts";
import { buildTimeTicks, formatChartValue, formatTimeTick, type ChartSeries, type TimeRow, type TimeSeriesData, type ValueKind } from "@/lib/format/chart";
import { AXIS_PROPS, ChartContainer, GRID_PROPS, LEGEND_PROPS, TOOLTIP_PROPS } from "./chart-container";
import { useTraceLink } from "./use-trace-link";

type Props = {
  title: string;
  subtitle?: ReactNode;
  data: TimeSeriesData;
  valueKind: ValueKind;
  /** Length of the window shown, to pick tick labels (times, or dates and times). */
  windowMs: number;
  height?: number;
  /** Most x-axis labels to show (fewer on narrow charts). */
  maxTicks?: number;
  testId?: string;
  /** The project page a click opens (default: the traces). */
  linkPath?: string;
  /** Extra chart layers (drawn over the grid, under the data). */
  children?: ReactNode;
  /** Where the model behind a task changed (marksForChart). */
  modelChangeMarks?: readonly ModelChangeMark[];
  actions?: ReactNode;
  /** A vertical marker (e.g. the change point of a drift), at a bucket start. */
  marker?: { t: number; label: string } | null;
  /** Horizontal reference levels (baselines), drawn dashed. */
  references?: { y: number; label: string }[];
  /** Hides the legend (a single, self-explanatory series). */
  isLegendHidden?: boolean;
};

const FOREVER = Number.MAX_SAFE_INTEGER;

/** Multi-series line chart over time buckets; clicking a point opens its traces. */
export function TimeLineChart({
  title,
  subtitle,
  data,
  valueKind,
  windowMs,
  height = 240,
  maxTicks = 8,
  testId,
  linkPath,
  children,
  modelChangeMarks,
  actions,
  marker,
  references = [],
  isLegendHidden = false,
}: Props) {
  const openTraces = useTraceLink(linkPath);
  const first = data.rows[0]?.t ?? 0;
  const ticks = useMemo(
    () => buildTimeTicks(first, first + data.rows.length * data.bucketMs, data.bucketMs, maxTicks),
    [first, data.rows.length, data.bucketMs, maxTicks],
  );
  const hasData = data.series.length > 0 && data.rows.some((row) => data.series.some((s) => row[s.key] != null));
  // Dense charts get smaller dots, so the line stays readable.
  const radius = data.rows.length > 120 ? 2 : 3;
  const dots = useMemo(
    () =>
      new Map(
        data.series.map((series) => [
          series.key,
          (props: DotItemDotProps) => (
            <PointDot {...props} series={series} radius={radius} onOpen={(row) => openTraces(series.filter, row.t, row.t + data.bucketMs)} />
          ),
        ]),
      ),
    [data.series, data.bucketMs, radius, openTraces],
  );

  return (
    <ChartContainer title={title} subtitle={subtitle} height={height} isEmpty={!hasData} testId={testId} actions={actions}>
      <LineChart data={data.rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
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
          {...TOOLTIP_PROPS}
          labelFormatter={(t) => formatTimeTick(Number(t), data.bucketMs, FOREVER)}
          formatter={(value) => formatChartValue(valueKind, typeof value === "number" ? value : null)}
        />
        {isLegendHidden ? null : <Legend {...LEGEND_PROPS} />}
        {marker ? (
          <ReferenceLine
            x={marker.t}
            stroke="var(--hs-danger)"
            strokeDasharray="4 3"
            label={{ value: marker.label, position: "insideTopLeft", fill: "var(--hs-danger)", fontSize: 11 }}
          />
        ) : null}
        {children}
        {modelChangeMarks?.length ? ModelChangeMarkers({ marks: modelChangeMarks }) : null}
        {references.map((ref) => (
          <ReferenceLine
            key={ref.label}
            y={ref.y}
            stroke="var(--hs-fg-muted)"
            strokeDasharray="2 4"
            label={{ value: ref.label, position: "insideBottomRight", fill: "var(--hs-fg-muted)", fontSize: 11 }}
          />
        ))}
        {data.series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.isDashed ? "5 4" : undefined}
            type="linear"
            connectNulls
            isAnimationActive={false}
            activeDot={false}
            dot={dots.get(s.key)}
          />
        ))}
      </LineChart>
    </ChartContainer>
  );
}

type DotProps = DotItemDotProps & { series: ChartSeries; radius: number; onOpen: (row: TimeRow) => void };

function PointDot({ cx, cy, value, payload, series, radius, onOpen }: DotProps) {
  if (cx == null || cy == null || value == null) return null;
  const row = payload as TimeRow;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={radius}
      fill={series.color}
      stroke="var(--hs-bg)"
      strokeWidth={1}
      className="cursor-pointer hover:[r:5]"
      data-testid="chart-point"
      data-series={series.label}
      data-t={row.t}
      onClick={() => onOpen(row)}
    />
  );
}
