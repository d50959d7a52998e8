/**
 * Evaluators that runExperiment applies to each item's run, in the process:
 * rules for the common checks and any function of your own. An evaluator
 * answers a number (the value), a boolean (pass/fail), a string (a label), an
 * object `{ value?, label?, comment? }`, or null/undefined for "no score".
 */

/** What an evaluator sees of one run. */
export type EvaluationRun<I = unknown, O = unknown, E = unknown> = {
  itemId: string;
  input: I;
  output: O | undefined;
  expectedOutput: E | null;
  metadata: Record<string, unknown> | null;
  /** What the task threw, or null. */
  error: Error | null;
  durationMs: number;
};

export type EvaluationScore = { name: string; value: number | null; label: string | null; comment: string | null };
export type EvaluatorAnswer = number | boolean | string | { value?: number | null; label?: string | null; comment?: string | null } | null | undefined;

export type ExperimentEvaluator<I = unknown, O = unknown, E = unknown> = {
  /** The score's name. */
  name: string;
  evaluate(run: EvaluationRun<I, O, E>): EvaluatorAnswer | Promise<EvaluatorAnswer>;
};

/** An evaluator's answer as a score, or null for "no score". Throws for an answer that is none of the accepted forms. */
export function toEvaluationScore(name: string, answer: EvaluatorAnswer): EvaluationScore | null {
  if (answer === null || answer === undefined) return null;
  if (typeof answer === "boolean") return { name, value: answer ? 1 : 0, label: answer ? "pass" : "fail", comment: null };
  if (typeof answer === "number") {
    if (!Number.isFinite(answer)) throw new TypeError(`evaluator ${name} answered ${answer}, not a finite number`);
    return { name, value: answer, label: null, comment: null };
  }
  if (typeof answer === "string") return { name, value: null, label: answer, comment: null };
  if (typeof answer === "object") {
    const value = answer.value ?? null;
    if (value !== null && (typeof value !== "number" || !Number.isFinite(value)))
      throw new TypeError(`evaluator ${name} answered a value that is not a finite number`);
    const label = answer.label ?? null;
    if (value === null && label === null) return null;
    return { name, value, label, comment: answer.comment ?? null };
  }
  throw new TypeError(`evaluator ${name} answered a ${typeof answer}; answer a number, boolean, string or { value, label, comment }`);
}

/** Text of an output for text rules: strings as they are, anything else as JSON. */
export function outputText(output: unknown): string {
  if (output === undefined || output === null) return "";
  if (typeof output === "string") return output;
  return JSON.stringify(output) ?? "";
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

type RuleOptions = { name?: string };

/** Passes when the output equals the expected output (as JSON, key order ignored); no score without an expected output. */
export function exactMatch(options: RuleOptions = {}): ExperimentEvaluator {
  return {
    name: options.name ?? "exact_match",
    evaluate: ({ output, expectedOutput, error }) => (expectedOutput === null ? null : !error && canonical(output) === canonical(expectedOutput)),
  };
}

/**
 * Passes when the output's text contains `text` (default: the expected output's text), ignoring case
 * unless `caseSensitive`; no score when there is nothing to look for.
 */
export function contains(text?: string, options: RuleOptions & { caseSensitive?: boolean } = {}): ExperimentEvaluator {
  return {
    name: options.name ?? "contains",
    evaluate: ({ output, expectedOutput }) => {
      const needle = text ?? (expectedOutput === null ? "" : outputText(expectedOutput));
      if (needle === "") return null;
      const haystack = outputText(output);
      return options.caseSensitive ? haystack.includes(needle) : haystack.toLowerCase().includes(needle.toLowerCase());
    },
  };
}

/** Passes when the output's text matches `pattern`. */
export function regex(pattern: RegExp | string, options: RuleOptions = {}): ExperimentEvaluator {
  const re = typeof pattern === "string" ? new RegExp(pattern) : pattern;
  return {
    name: options.name ?? "regex",
    evaluate: ({ output }) => {
      re.lastIndex = 0;
      return re.test(outputText(output));
    },
  };
}

/** Passes when the task took at most `limitMs`. */
export function maxDurationMs(limitMs: number, options: RuleOptions = {}): ExperimentEvaluator {
  return { name: options.name ?? "max_duration_ms", evaluate: ({ durationMs }) => durationMs <= limitMs };
}

/** Passes when the task did not throw. */
export function noError(options: RuleOptions = {}): ExperimentEvaluator {
  return { name: options.name ?? "no_error", evaluate: ({ error }) => error === null };
}
