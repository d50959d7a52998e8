// Rollup deltas of a dimension's finest granularity as text, for the deltas an ingest commit leaves
// pending (rollup_pending) instead of merging them into their rows at once: one JSON array of
// fixed-order tuples, histogram bins as a flat [bin, count, bin, count, …] list. Pure.
import { GRANULARITY_MS } from "./buckets";
import { DIMENSIONS, type Dimension } from "./dimensions";
import type { RollupDelta } from "./rollup-delta";
import type { Bins } from "./sketch";

type Tuple = [
  dimension: string,
  granularity: string,
  bucketStartMs: number,
  group: string,
  count: number,
  errorCount: number,
  llmCallCount: number,
  toolCallCount: number,
  durationSumMs: number,
  costUsd: number,
  inputTokens: number,
  outputTokens: number,
  addedMaxMs: number | null,
  removedMaxMs: number | null,
  bins: number[] | null,
];

const SUMS = 8; // count … outputTokens: tuple positions 4 to 11

function flatBins(bins: Bins | null): number[] | null {
  if (bins === null) return null;
  const flat: number[] = [];
  for (const [bin, count] of bins) flat.push(bin, count);
  return flat;
}

export function encodeDeltas(deltas: readonly RollupDelta[]): string {
  return JSON.stringify(
    deltas.map((d): Tuple => [
      d.dimension,
      d.granularity,
      d.bucketStartMs,
      d.group,
      d.count,
      d.errorCount,
      d.llmCallCount,
      d.toolCallCount,
      d.durationSumMs,
      d.costUsd,
      d.inputTokens,
      d.outputTokens,
      d.addedMaxMs,
      d.removedMaxMs,
      flatBins(d.bins),
    ]),
  );
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const maybe = (v: unknown): v is number | null => v === null || finite(v);

/** A tuple back as a delta; null for anything encodeDeltas never writes. */
function fromTuple(t: unknown): RollupDelta | null {
  if (!Array.isArray(t) || t.length !== 15) return null;
  const [dimension, granularity, bucketStartMs, group, ...rest] = t as unknown[];
  if (typeof dimension !== "string" || !Object.hasOwn(DIMENSIONS, dimension)) return null;
  const spec = DIMENSIONS[dimension as Dimension];
  // Only the finest deltas are ever left pending: the coarser rows are derived from them again.
  if (granularity !== spec.granularities[0]) return null;
  if (!finite(bucketStartMs) || bucketStartMs % GRANULARITY_MS[spec.granularities[0]] !== 0 || typeof group !== "string") return null;
  const sums = rest.slice(0, SUMS);
  const [addedMaxMs, removedMaxMs, flat] = rest.slice(SUMS);
  if (!sums.every(finite) || !maybe(addedMaxMs) || !maybe(removedMaxMs)) return null;
  let bins: Bins | null = null;
  if (spec.histogram) {
    if (!Array.isArray(flat) || flat.length % 2 !== 0 || !flat.every(finite)) return null;
    bins = new Map();
    for (let i = 0; i < flat.length; i += 2) bins.set(flat[i]!, flat[i + 1]!);
  } else if (flat !== null) return null;
  const [count, errorCount, llmCallCount, toolCallCount, durationSumMs, costUsd, inputTokens, outputTokens] = sums;
  return {
    dimension: dimension as Dimension,
    granularity: spec.granularities[0],
    bucketStartMs,
    group,
    count: count!,
    errorCount: errorCount!,
    llmCallCount: llmCallCount!,
    toolCallCount: toolCallCount!,
    durationSumMs: durationSumMs!,
    costUsd: costUsd!,
    inputTokens: inputTokens!,
    outputTokens: outputTokens!,
    bins,
    addedMaxMs,
    removedMaxMs,
  };
}

/** The deltas of encodeDeltas' text; `invalid` counts entries that are not deltas (skipped, never applied). */
export function decodeDeltas(text: string): { deltas: RollupDelta[]; invalid: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { deltas: [], invalid: 1 };
  }
  if (!Array.isArray(parsed)) return { deltas: [], invalid: 1 };
  const deltas: RollupDelta[] = [];
  let invalid = 0;
  for (const tuple of parsed) {
    const delta = fromTuple(tuple);
    if (delta) deltas.push(delta);
    else invalid++;
  }
  return { deltas, invalid };
}
