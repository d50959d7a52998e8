// Tree depth of each step of a trace diff (for indentation): the depth of its span in run B, else in run A. Pure.
import type { DiffStep, TraceIndex } from "@/lib/retro";

export function stepDepths(steps: readonly DiffStep[], indexes: { a: TraceIndex; b: TraceIndex }): number[] {
  return steps.map((step) => {
    const [ref, index] = step.b ? [step.b, indexes.b] : [step.a!, indexes.a];
    const position = index.position.get(ref.spanId);
    return position === undefined ? 0 : (index.depth[position] ?? 0);
  });
}
