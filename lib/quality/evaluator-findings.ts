// Whether an evaluator reads a trace's findings: the no_findings rule does, and so does a filter on the
// findings (`finding`, `failureMode`). Only then must the online evaluators wait for the findings job to
// analyse a trace; every other evaluator runs as soon as the trace settles. Pure.
import type { EvaluatorConfig } from "./evaluator-config";

const FINDINGS_FILTERS = ["finding", "failureMode"];

export function readsFindings(evaluator: Pick<EvaluatorConfig, "type" | "rule" | "filter">): boolean {
  if (evaluator.type === "rule" && evaluator.rule?.kind === "no_findings") return true;
  return FINDINGS_FILTERS.some((key) => key in evaluator.filter);
}
