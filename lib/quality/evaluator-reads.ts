// What a round's evaluators read of a trace, so the round loads only that (lib/data/quality/eval-trace-batch.ts):
// span content is most of a trace's bytes, and parsing it most of a round's work. A judge renders the
// input and output of what it targets; a rule on text (regex, contains, JSON schema) reads outputs only,
// and on a whole trace only the trace's answer (its root's output, else the last LLM call's); the other
// rules read figures (cost, duration, status, tool calls, findings). Pure.
import type { EvaluatorConfig } from "./evaluator-config";
import type { RuleKind } from "./evaluator-rules";

/** Span content to load: none, the output of the span that is the trace's answer, or every span's input and output. */
export type ContentReads = "none" | "trace_output" | "all";
export type EvaluatorReads = { content: ContentReads; findings: boolean };

const TEXT_RULES: readonly RuleKind[] = ["regex", "contains", "json_schema"];
const RANK: Record<ContentReads, number> = { none: 0, trace_output: 1, all: 2 };

function contentOf(evaluator: Pick<EvaluatorConfig, "type" | "target" | "rule">): ContentReads {
  if (evaluator.type !== "rule" || !evaluator.rule) return "all";
  if (!TEXT_RULES.includes(evaluator.rule.kind)) return "none";
  return evaluator.target === "trace" ? "trace_output" : "all";
}

/** What the evaluators together read. */
export function readsOf(evaluators: readonly Pick<EvaluatorConfig, "type" | "target" | "rule">[]): EvaluatorReads {
  let content: ContentReads = "none";
  for (const evaluator of evaluators) {
    const one = contentOf(evaluator);
    if (RANK[one] > RANK[content]) content = one;
  }
  return { content, findings: evaluators.some((e) => e.type === "rule" && e.rule?.kind === "no_findings") };
}
