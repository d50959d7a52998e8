// Step-by-step diff of two runs. Steps are aligned by signature (signature.ts), not by span id, level by
// level down the tree: the top-level spans of both traces are aligned, then the children of each aligned
// pair, and so on. A step without a counterpart is added or removed with its whole subtree. Steps come out
// in tree pre-order (a step, then its children's steps), each level in start order.
//
// An aligned pair is `changed` when its model, input (`arguments` for tools), output or status differs;
// inputs and outputs compare as canonical JSON (same-content.ts), so key order and spacing do not count.
import { alignEnds, alignSequences } from "@/lib/retro/align";
import { stepFigures, subtract, traceFigures } from "@/lib/retro/diff-figures";
import { sameContent } from "@/lib/retro/same-content";
import { stepSignature } from "@/lib/retro/signature";
import { indexTrace, type TraceIndex } from "@/lib/retro/trace-index";
import type { ChangedField, DiffStep, RetroSpan, StepRef, TraceDiff } from "@/lib/retro/types";

type Task =
  | { op: "lists"; a: readonly number[]; b: readonly number[] }
  | { op: "pair"; a: number; b: number }
  | { op: "removed"; a: number }
  | { op: "added"; b: number };

/** The diff of run `a` to run `b`: every delta is b − a. */
export function diffTraces(a: readonly RetroSpan[], b: readonly RetroSpan[]): TraceDiff {
  return diffIndexedTraces(indexTrace(a), indexTrace(b));
}

export function diffIndexedTraces(a: TraceIndex, b: TraceIndex): TraceDiff {
  const sigA = signaturesOf(a);
  const sigB = signaturesOf(b);
  const steps: DiffStep[] = [];
  const stack: Task[] = [{ op: "lists", a: a.roots, b: b.roots }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    switch (task.op) {
      case "lists": {
        const signaturesA = task.a.map((i) => sigA[i]!);
        const signaturesB = task.b.map((i) => sigB[i]!);
        const aligned = alignSequences(signaturesA, signaturesB) ?? alignEnds(signaturesA, signaturesB);
        for (let k = aligned.length - 1; k >= 0; k--) {
          const item = aligned[k]!;
          if (item.op === "pair") stack.push({ op: "pair", a: task.a[item.a]!, b: task.b[item.b]! });
          else if (item.op === "removed") stack.push({ op: "removed", a: task.a[item.a]! });
          else stack.push({ op: "added", b: task.b[item.b]! });
        }
        break;
      }
      case "pair": {
        const changed = changedFields(a, task.a, b, task.b);
        steps.push({
          status: changed.length > 0 ? "changed" : "same",
          a: stepRef(a, task.a),
          b: stepRef(b, task.b),
          deltas: subtract(stepFigures(a, task.a), stepFigures(b, task.b)),
          changed,
        });
        stack.push({ op: "lists", a: a.children[task.a]!, b: b.children[task.b]! });
        break;
      }
      case "removed":
        steps.push({ status: "removed", a: stepRef(a, task.a), b: null, deltas: subtract(stepFigures(a, task.a), null), changed: [] });
        for (const child of [...a.children[task.a]!].reverse()) stack.push({ op: "removed", a: child });
        break;
      case "added":
        steps.push({ status: "added", a: null, b: stepRef(b, task.b), deltas: subtract(null, stepFigures(b, task.b)), changed: [] });
        for (const child of [...b.children[task.b]!].reverse()) stack.push({ op: "added", b: child });
        break;
    }
  }
  return { totals: subtract(traceFigures(a), traceFigures(b)), steps };
}

function signaturesOf(index: TraceIndex): string[] {
  return index.spans.map((span, i) => stepSignature(span, index.kinds[i]!));
}

function stepRef(index: TraceIndex, i: number): StepRef {
  const span = index.spans[i]!;
  return { spanId: span.spanId, name: span.name, kind: index.kinds[i]!, toolName: span.toolName, agentName: span.agentName, model: span.model };
}

function changedFields(a: TraceIndex, i: number, b: TraceIndex, j: number): ChangedField[] {
  const spanA = a.spans[i]!;
  const spanB = b.spans[j]!;
  const isTool = a.kinds[i] === "tool";
  const changed: ChangedField[] = [];
  if ((spanA.model ?? null) !== (spanB.model ?? null)) changed.push("model");
  const inputDiffers = !sameContent(spanA.input, spanB.input);
  if (inputDiffers && !isTool) changed.push("input");
  if (!sameContent(spanA.output, spanB.output)) changed.push("output");
  if (inputDiffers && isTool) changed.push("arguments");
  if (spanA.status !== spanB.status) changed.push("status");
  return changed;
}
