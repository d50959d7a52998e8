// The figures a diff subtracts. Usage follows the trace totals' rule: only llm/embedding spans with no
// descendant carrying usage count (wrappers repeat their children's usage), so the steps' token, cost and
// call deltas add up to the totals' deltas. A step's duration is its span's own duration.
import type { TraceIndex } from "@/lib/retro/trace-index";
import type { Deltas } from "@/lib/retro/types";
import { roundUsd, UsdSum } from "@/lib/retro/waste";

export type Figures = Deltas;

const isCounted = (index: TraceIndex, i: number) => (index.kinds[i] === "llm" || index.kinds[i] === "embedding") && !index.covered[i];

/** The figures of one step (span `i`); costUsd is null for a counted LLM call that could not be priced. */
export function stepFigures(index: TraceIndex, i: number): Figures {
  const span = index.spans[i]!;
  const counted = isCounted(index, i);
  return {
    durationMs: finite(span.durationMs),
    costUsd: counted ? (span.costUsd !== null && Number.isFinite(span.costUsd) ? span.costUsd : null) : 0,
    inputTokens: counted ? finite(span.inputTokens) : 0,
    outputTokens: counted ? finite(span.outputTokens) : 0,
    llmCalls: counted ? 1 : 0,
    toolCalls: index.kinds[i] === "tool" ? 1 : 0,
  };
}

/** The trace's totals, as in its summary: costUsd is null when nothing in it could be priced. */
export function traceFigures(index: TraceIndex): Figures {
  let durationNs = 0;
  const costUsd = new UsdSum();
  const totals = { inputTokens: 0, outputTokens: 0, llmCalls: 0, toolCalls: 0 };
  for (let i = 0; i < index.spans.length; i++) {
    durationNs = Math.max(durationNs, index.end[i]!);
    if (index.kinds[i] === "tool") totals.toolCalls++;
    if (!isCounted(index, i)) continue;
    const span = index.spans[i]!;
    totals.llmCalls++;
    totals.inputTokens += finite(span.inputTokens);
    totals.outputTokens += finite(span.outputTokens);
    costUsd.add(span.costUsd);
  }
  // Whole microseconds, as the trace summary rounds its duration.
  return { durationMs: Math.trunc(durationNs / 1000) / 1000, costUsd: costUsd.priced > 0 ? costUsd.value() : null, ...totals };
}

/** b − a; a missing side counts as zero, and the cost is unknown (null) when either side's is. */
export function subtract(a: Figures | null, b: Figures | null): Deltas {
  const costUnknown = (a !== null && a.costUsd === null) || (b !== null && b.costUsd === null);
  return {
    durationMs: roundNs((b?.durationMs ?? 0) - (a?.durationMs ?? 0)),
    costUsd: costUnknown ? null : roundUsd((b?.costUsd ?? 0) - (a?.costUsd ?? 0)),
    inputTokens: (b?.inputTokens ?? 0) - (a?.inputTokens ?? 0),
    outputTokens: (b?.outputTokens ?? 0) - (a?.outputTokens ?? 0),
    llmCalls: (b?.llmCalls ?? 0) - (a?.llmCalls ?? 0),
    toolCalls: (b?.toolCalls ?? 0) - (a?.toolCalls ?? 0),
  };
}

/** Milliseconds to whole nanoseconds: strips the noise of subtracting two fractional durations. */
const roundNs = (ms: number) => Math.round(ms * 1e6) / 1e6;

const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : 0);
