// The seeded draw of a review queue: each candidate run gets the key sha256(seed ":" traceId) and the runs
// with the smallest keys are drawn, in key order. A cryptographic hash orders the runs as a uniformly
// random permutation that depends only on the seed and the ids, so the same seed over the same traces
// draws the same runs in the same order whatever order the database returns them in, one pass keeps only
// `size` candidates in memory however many traces match, and every drawn run appears exactly once.
import { createHash, randomBytes } from "node:crypto";

/** The sort key of a trace under a seed (the first 8 bytes of the hash, as hex: compares like the number). */
export function sampleKey(seed: string, traceId: string): string {
  return createHash("sha256").update(`${seed}:${traceId}`).digest("hex").slice(0, 16);
}

/** A new random seed, for queues created without one. */
export const newSeed = (): string => randomBytes(8).toString("hex");

type Keyed = { key: string; traceId: string };
const before = (a: Keyed, b: Keyed) => a.key < b.key || (a.key === b.key && a.traceId < b.traceId);

/**
 * Keeps the `size` smallest-key trace ids of what it is fed (duplicates count once). A max-heap of the
 * kept ones makes each candidate O(log size).
 */
export class SeededSample {
  private readonly heap: Keyed[] = [];
  private readonly kept = new Set<string>();

  constructor(
    private readonly seed: string,
    private readonly size: number,
  ) {}

  add(traceId: string): void {
    if (this.size <= 0 || this.kept.has(traceId)) return;
    const item = { key: sampleKey(this.seed, traceId), traceId };
    if (this.heap.length < this.size) {
      this.heap.push(item);
      this.kept.add(traceId);
      this.siftUp(this.heap.length - 1);
    } else if (before(item, this.heap[0]!)) {
      this.kept.delete(this.heap[0]!.traceId);
      this.heap[0] = item;
      this.kept.add(traceId);
      this.siftDown(0);
    }
  }

  /** The drawn trace ids, in review order. */
  result(): string[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1)).map((item) => item.traceId);
  }

  private siftUp(index: number): void {
    for (let i = index; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(this.heap[parent]!, this.heap[i]!)) return;
      [this.heap[parent], this.heap[i]] = [this.heap[i]!, this.heap[parent]!];
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const n = this.heap.length;
    for (let i = index; ;) {
      let largest = i;
      for (const child of [2 * i + 1, 2 * i + 2]) if (child < n && before(this.heap[largest]!, this.heap[child]!)) largest = child;
      if (largest === i) return;
      [this.heap[largest], this.heap[i]] = [this.heap[i]!, this.heap[largest]!];
      i = largest;
    }
  }
}

/** The draw of `size` runs from `traceIds` under `seed` (for callers that hold every candidate). */
export function drawSample(seed: string, traceIds: Iterable<string>, size: number): string[] {
  const sample = new SeededSample(seed, size);
  for (const id of traceIds) sample.add(id);
  return sample.result();
}
