// The first real failure of a run: the first failed span whose failure was not handled by a retry that
// later succeeded.
//
// - Failed: status `error`, or a signal that fails a span whatever its status (a rejected or timed-out
//   approval, a response blocked by a content filter; see `failsSpan` in failure-signals.ts).
// - Retry: a sibling (same parent; top-level spans are siblings of each other) with the same step signature
//   (signature.ts) that started at or after the failed span ended. It succeeded when it did not fail.
// - Handled: the failed span, or an ancestor its failure propagated to (an unbroken chain of failed
//   ancestors), has a retry that succeeded. So an SDK's second attempt that worked, an agent's second call
//   of a tool that worked, and a whole agent step re-run after an inner error all count as handled.
// - First: the earliest to end (a failure happens when its span ends); on a tie the deeper span (the
//   cause, not the parent it propagated to), then the earlier start, then the span id.
import { classifyFailure, hasFailingSignal } from "@/lib/retro/classify-failure";
import { stepSignature } from "@/lib/retro/signature";
import type { TraceIndex } from "@/lib/retro/trace-index";
import type { Finding } from "@/lib/retro/types";
import { owningAgent } from "@/lib/retro/waste";

const MAX_MESSAGE_CHARS = 1000;

export function findFirstFailure(index: TraceIndex): Finding | null {
  const n = index.spans.length;
  const failed = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (index.spans[i]!.status === "error" || hasFailingSignal(index.spans[i]!, index.kinds[i]!)) {
      failed[i] = 1;
      any = true;
    }
  }
  if (!any) return null;

  const handled = handledFailures(index, failed);
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (!failed[i] || handled[i]) continue;
    if (first < 0 || comesFirst(index, i, first)) first = i;
  }
  if (first < 0) return null;

  const span = index.spans[first]!;
  const { mode, message } = classifyFailure(span, index.kinds[first]!);
  const agent = owningAgent(index, first);
  return {
    type: "failure",
    spanIds: [span.spanId],
    count: 1,
    wastedMs: 0,
    wastedCostUsd: 0,
    failureMode: mode,
    ...(message ? { message: message.slice(0, MAX_MESSAGE_CHARS) } : {}),
    ...(index.kinds[first] === "tool" ? { toolName: span.toolName ?? span.name } : {}),
    ...(agent !== null ? { agents: [agent] } : {}),
  };
}

/** Handled failures, parents before children (pre-order), so a failure inherits its failed parent's retry. */
function handledFailures(index: TraceIndex, failed: Uint8Array): Uint8Array {
  const retries = new RetryLookup(index, failed);
  const handled = new Uint8Array(failed.length);
  for (const i of index.preorder) {
    if (!failed[i]) continue;
    const p = index.parent[i]!;
    handled[i] = retries.hasSuccessfulRetry(i) || (p >= 0 && failed[p] && handled[p]) ? 1 : 0;
  }
  return handled;
}

function comesFirst(index: TraceIndex, i: number, other: number): boolean {
  if (index.end[i] !== index.end[other]) return index.end[i]! < index.end[other]!;
  if (index.depth[i] !== index.depth[other]) return index.depth[i]! > index.depth[other]!;
  return i < other; // indices are in (start, spanId) order
}

/** Per parent and signature, the latest start of a sibling that did not fail (built lazily per parent). */
class RetryLookup {
  private readonly byParent = new Map<number, Map<string, number>>();
  private readonly signatures: (string | undefined)[] = [];

  constructor(
    private readonly index: TraceIndex,
    private readonly failed: Uint8Array,
  ) {}

  hasSuccessfulRetry(j: number): boolean {
    const latest = this.latestSuccessByParent(this.index.parent[j]!).get(this.signature(j));
    return latest !== undefined && latest >= this.index.end[j]!;
  }

  private latestSuccessByParent(parent: number): Map<string, number> {
    let latest = this.byParent.get(parent);
    if (!latest) {
      latest = new Map();
      const siblings = parent >= 0 ? this.index.children[parent]! : this.index.roots;
      for (const s of siblings) {
        if (this.failed[s]) continue;
        const signature = this.signature(s);
        const start = this.index.start[s]!;
        if ((latest.get(signature) ?? -Infinity) < start) latest.set(signature, start);
      }
      this.byParent.set(parent, latest);
    }
    return latest;
  }

  private signature(i: number): string {
    return (this.signatures[i] ??= stepSignature(this.index.spans[i]!, this.index.kinds[i]!));
  }
}
