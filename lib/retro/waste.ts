// Shared arithmetic of findings: what repetitions cost and which agents they belong to.
import type { TraceIndex } from "@/lib/retro/trace-index";

/**
 * The cost of the LLM calls `calls` (span indices): the sum of the priced ones, 0 when there are none, and
 * null when there are some but none could be priced (unknown, never shown as $0).
 */
export function costOf(index: TraceIndex, calls: Iterable<number>): number | null {
  const total = new UsdSum();
  let count = 0;
  for (const i of calls) {
    count++;
    total.add(index.spans[i]!.costUsd);
  }
  return count > 0 && total.priced === 0 ? null : total.value();
}

/** Rounds away binary noise (0.1 + 0.2); a trillionth of a dollar is below any price. */
export const roundUsd = (usd: number) => Math.round(usd * 1e12) / 1e12;

/**
 * A sum of prices without the drift of naive float addition over thousands of calls (Neumaier's
 * compensated summation), rounded with roundUsd. Null and non-finite costs are skipped (unpriced).
 */
export class UsdSum {
  private sum = 0;
  private compensation = 0;
  priced = 0;

  add(usd: number | null): void {
    if (usd === null || !Number.isFinite(usd)) return;
    const next = this.sum + usd;
    this.compensation += Math.abs(this.sum) >= Math.abs(usd) ? this.sum - next + usd : usd - next + this.sum;
    this.sum = next;
    this.priced++;
  }

  value(): number {
    return roundUsd(this.sum + this.compensation);
  }
}

/** Sum of the spans' own durations. */
export function durationOf(index: TraceIndex, spans: Iterable<number>): number {
  let total = 0;
  for (const i of spans) total += finiteOrZero(index.spans[i]!.durationMs);
  return total;
}

const finiteOrZero = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

/** Name of the nearest agent span at or above `i`, or null. */
export function owningAgent(index: TraceIndex, i: number): string | null {
  for (let j = i; j >= 0; j = index.parent[j]!) {
    if (index.kinds[j] === "agent") return index.spans[j]!.agentName ?? index.spans[j]!.name;
  }
  return null;
}

/** Distinct owning agents of the spans, in the order first met; undefined when none has one. */
export function owningAgents(index: TraceIndex, spans: readonly number[]): string[] | undefined {
  const names = new Set<string>();
  for (const i of spans) {
    const name = owningAgent(index, i);
    if (name !== null) names.add(name);
  }
  return names.size > 0 ? [...names] : undefined;
}

/** The spans' ids, in start order (indices are in start order). */
export function idsOf(index: TraceIndex, spans: readonly number[]): string[] {
  return [...spans].sort((a, b) => a - b).map((i) => index.spans[i]!.spanId);
}
