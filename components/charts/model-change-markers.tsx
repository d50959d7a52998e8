"use client";
// Vertical marks where the model behind a task changed (GET /api/v1/model-changes), for any Recharts time
// chart whose x axis is the bucket start `t`: pass it as a child of the chart (TimeLineChart, TimeBarChart or
// a chart of your own), with marks from toModelChangeMarks (lib/format/model-change-marks.ts). Hovering the
// diamond shows which task and model changed, as text.
import { ReferenceLine } from "recharts";
import type { ModelChangeMark } from "@/lib/format/model-change-marks";

const COLOR = "#a855f7";

type LabelProps = { viewBox?: { x?: number; y?: number }; mark: ModelChangeMark };

function MarkLabel({ viewBox, mark }: LabelProps) {
  const x = viewBox?.x ?? 0;
  const y = (viewBox?.y ?? 0) + 2;
  return (
    <g data-testid="model-change-marker" data-t={mark.t} className="cursor-help">
      <title>{mark.detail}</title>
      <path d={`M${x} ${y} l4 4 l-4 4 l-4 -4 z`} fill={COLOR} />
    </g>
  );
}

export function ModelChangeMarkers({ marks }: { marks: readonly ModelChangeMark[] }) {
  return marks.map((mark) => <ReferenceLine key={mark.t} x={mark.t} stroke={COLOR} strokeDasharray="2 3" label={<MarkLabel mark={mark} />} />);
}
