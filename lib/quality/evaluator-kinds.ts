// The names an evaluator is built from: its rule kinds, targets and types. Pure and dependency-free, so
// the Evaluators page's client components can offer them without the validators (Ajv, redos-detector).

export const RULE_KINDS = ["regex", "contains", "json_schema", "max_cost_usd", "max_duration_ms", "max_tool_calls", "no_error", "no_findings"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const EVALUATOR_TARGETS = ["trace", "llm_span", "tool_span"] as const;
export type EvaluatorTarget = (typeof EVALUATOR_TARGETS)[number];

export const EVALUATOR_TYPES = ["rule", "llm_judge"] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];
