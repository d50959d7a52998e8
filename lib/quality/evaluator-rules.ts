// Rule evaluators' rules, checked when an evaluator is saved so that a bad one is a 400, never a failure
// at run time: regular expressions must compile and be free of catastrophic backtracking (redos-detector,
// as for redaction patterns; span content is untrusted), JSON schemas must compile with Ajv. Pure.
import Ajv, { type ValidateFunction } from "ajv";
import { isSafePattern } from "redos-detector";

import { RULE_KINDS, type RuleKind } from "./evaluator-kinds";

export { RULE_KINDS, type RuleKind };

/** Kinds that judge the trace as a whole (a span target makes no sense for them). */
export const TRACE_ONLY_KINDS: readonly RuleKind[] = ["max_tool_calls", "no_findings"];

export type Rule =
  | { kind: "regex"; value: string; flags: string }
  | { kind: "contains"; value: string }
  | { kind: "json_schema"; value: Record<string, unknown> | boolean }
  | { kind: "max_cost_usd" | "max_duration_ms" | "max_tool_calls"; value: number }
  | { kind: "no_error" | "no_findings" };

export const MAX_REGEX_LENGTH = 1000;
const MAX_TEXT = 10_000;

type Checked = { ok: true; rule: Rule } | { ok: false; field: string; message: string };
const fail = (field: string, message: string): Checked => ({ ok: false, field: `rule.${field}`, message });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A regular expression the evaluator may run over untrusted text, or why not. */
export function checkRegex(source: string, flags: string): string | null {
  if (source.length === 0) return "must not be empty";
  if (source.length > MAX_REGEX_LENGTH) return `must be at most ${MAX_REGEX_LENGTH} characters`;
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) return "flags may be i, m, s and u, each once";
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `is not a valid regular expression (JavaScript syntax): ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return "backreferences (\\1, \\k<name>) are not supported";
  const safety = isSafePattern(source, {
    unicode: flags.includes("u"),
    caseInsensitive: flags.includes("i"),
    dotAll: flags.includes("s"),
    multiLine: flags.includes("m"),
    maxSteps: 5000,
  });
  if (!safety.safe) {
    return safety.error === "hitMaxSteps"
      ? "is too complex to check for catastrophic backtracking: simplify it"
      : "may backtrack catastrophically on some texts (nested or overlapping repetition such as (a+)+): make the repeated parts unambiguous";
  }
  return null;
}

let ajv: Ajv | undefined;
/** One Ajv instance (it caches compiled schemas); all errors, formats ignored rather than refused. */
const getAjv = () => (ajv ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }));

/** The compiled validator of a JSON schema, or why it does not compile. */
export function compileJsonSchema(schema: unknown): { ok: true; validate: ValidateFunction } | { ok: false; message: string } {
  if (!isObject(schema) && typeof schema !== "boolean") return { ok: false, message: "must be a JSON Schema (an object)" };
  try {
    return { ok: true, validate: getAjv().compile(schema) };
  } catch (error) {
    return { ok: false, message: `is not a valid JSON Schema: ${(error as Error).message}` };
  }
}

/** Checks a rule as given in a request body. */
export function checkRule(input: unknown): Checked {
  if (!isObject(input)) return { ok: false, field: "rule", message: "must be an object { kind, value }" };
  const allowed = new Set(["kind", "value", "flags"]);
  const extra = Object.keys(input).find((k) => !allowed.has(k));
  if (extra) return fail(extra, "is not a rule field");
  const kind = input.kind;
  if (!RULE_KINDS.includes(kind as RuleKind)) return fail("kind", `must be one of ${RULE_KINDS.join(", ")}`);
  const value = input.value;
  if (input.flags !== undefined && kind !== "regex") return fail("flags", "is only for regex rules");
  switch (kind as RuleKind) {
    case "regex": {
      if (typeof value !== "string") return fail("value", "must be a regular expression (a string)");
      const flags = input.flags ?? "";
      if (typeof flags !== "string") return fail("flags", "must be a string");
      const problem = checkRegex(value, flags);
      return problem ? fail(problem.startsWith("flags") ? "flags" : "value", problem) : { ok: true, rule: { kind: "regex", value, flags } };
    }
    case "contains":
      if (typeof value !== "string" || value.length === 0) return fail("value", "must be the text to look for (a non-empty string)");
      if (value.length > MAX_TEXT) return fail("value", `must be at most ${MAX_TEXT} characters`);
      return { ok: true, rule: { kind: "contains", value } };
    case "json_schema": {
      const compiled = compileJsonSchema(value);
      if (!compiled.ok) return fail("value", compiled.message);
      return { ok: true, rule: { kind: "json_schema", value: value as Record<string, unknown> | boolean } };
    }
    case "max_cost_usd":
    case "max_duration_ms":
    case "max_tool_calls": {
      const k = kind as "max_cost_usd" | "max_duration_ms" | "max_tool_calls";
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return fail("value", "must be a number, 0 or more");
      if (k === "max_tool_calls" && !Number.isInteger(value)) return fail("value", "must be a whole number");
      return { ok: true, rule: { kind: k, value } };
    }
    case "no_error":
    case "no_findings":
      if (value !== undefined && value !== null && value !== true) return fail("value", `must be omitted for ${String(kind)}`);
      return { ok: true, rule: { kind: kind as "no_error" | "no_findings" } };
  }
}
