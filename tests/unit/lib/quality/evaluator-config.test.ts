import { describe, expect, it } from "vitest";
import { evaluatorCreateSchema, resolveEvaluatorConfig, type EvaluatorConfig } from "@/lib/quality/evaluator-config";
import { checkEvaluatorFilter, toTraceFilters } from "@/lib/quality/evaluator-filter";
import { checkRule } from "@/lib/quality/evaluator-rules";
import { isSampled, samplePoint } from "@/lib/quality/evaluator-sampling";
import { checkJudge, parseJudgeAnswer, renderJudgePrompt } from "@/lib/quality/judge-config";

const resolve = (body: unknown, existing?: EvaluatorConfig) => {
  const parsed = evaluatorCreateSchema.partial().safeParse(body);
  if (!parsed.success) throw new Error(parsed.error.message);
  return resolveEvaluatorConfig(parsed.data, existing);
};

describe("rules", () => {
  it("refuses regexes that do not compile or may backtrack catastrophically, naming rule.value", () => {
    expect(checkRule({ kind: "regex", value: "(" })).toMatchObject({ ok: false, field: "rule.value" });
    expect(checkRule({ kind: "regex", value: "(a+)+$" })).toMatchObject({ ok: false, field: "rule.value" });
    expect(checkRule({ kind: "regex", value: "order #\\d{3}", flags: "i" })).toEqual({ ok: true, rule: { kind: "regex", value: "order #\\d{3}", flags: "i" } });
    expect(checkRule({ kind: "regex", value: "x", flags: "g" })).toMatchObject({ ok: false, field: "rule.flags" });
  });

  it("compiles JSON schemas with Ajv and refuses unknown kinds and bad limits", () => {
    expect(checkRule({ kind: "json_schema", value: { type: "no-such-type" } })).toMatchObject({ ok: false, field: "rule.value" });
    expect(checkRule({ kind: "json_schema", value: { type: "object" } })).toMatchObject({ ok: true });
    expect(checkRule({ kind: "sentiment" })).toMatchObject({ ok: false, field: "rule.kind" });
    expect(checkRule({ kind: "max_tool_calls", value: 1.5 })).toMatchObject({ ok: false, field: "rule.value" });
    expect(checkRule({ kind: "max_cost_usd", value: -1 })).toMatchObject({ ok: false, field: "rule.value" });
  });
});

describe("configuration", () => {
  it("requires a rule for rule evaluators and {{output}} in a judge's prompt", () => {
    expect(resolve({ name: "n", scoreName: "s", type: "rule" })).toMatchObject({ ok: false, field: "rule" });
    expect(resolve({ name: "n", scoreName: "s", type: "llm_judge", judge: { model: "m", prompt: "{{input}} only" } })).toMatchObject({
      ok: false,
      field: "judge.prompt",
    });
    expect(checkJudge({ model: "m", prompt: "{{output}} {{nope}}" })).toMatchObject({ ok: false, field: "judge.prompt" });
  });

  it("refuses rules that judge the whole run on a span target", () => {
    expect(resolve({ name: "n", scoreName: "s", type: "rule", target: "llm_span", rule: { kind: "max_tool_calls", value: 2 } })).toMatchObject({
      ok: false,
      field: "target",
    });
  });

  it("applies a change on top of the stored configuration", () => {
    const created = resolve({ name: "n", scoreName: "s", type: "rule", rule: { kind: "no_error" } });
    if (!created.ok) throw new Error("created");
    expect(created.config).toMatchObject({ target: "trace", sampleRate: 1, enabled: true, filter: {}, maxCostUsdPerDay: null });
    const changed = resolve({ enabled: false, sampleRate: 0.3 }, created.config);
    expect(changed).toMatchObject({ ok: true, config: { enabled: false, sampleRate: 0.3, rule: { kind: "no_error" } } });
  });

  it("checks the filter with the trace list's parser", () => {
    expect(checkEvaluatorFilter({ name: "refund", minCostUsd: 0.5 })).toEqual({ ok: true, filter: { name: "refund", minCostUsd: "0.5" } });
    expect(checkEvaluatorFilter({ status: "maybe" })).toMatchObject({ ok: false, field: "filter.status" });
    expect(checkEvaluatorFilter({ limit: 5 })).toMatchObject({ ok: false, field: "filter.limit" });
    expect(checkEvaluatorFilter({ colour: "red" })).toMatchObject({ ok: false, field: "filter.colour" });
    expect(toTraceFilters({ name: "refund", minCostUsd: "0.5", "score.accuracy.min": "0.8" })).toEqual({
      name: "refund",
      minCostUsd: 0.5,
      scores: [{ name: "accuracy", min: 0.8 }],
    });
  });
});

describe("sampling", () => {
  it("is fixed by the evaluator and the trace, and takes about the rate", () => {
    expect(samplePoint("e1", "AB".repeat(16))).toBe(samplePoint("e1", "ab".repeat(16)));
    expect(samplePoint("e1", "ab".repeat(16))).not.toBe(samplePoint("e2", "ab".repeat(16)));
    const ids = Array.from({ length: 4000 }, (_, i) => i.toString(16).padStart(32, "0"));
    const taken = ids.filter((id) => isSampled("e1", id, 0.25)).length;
    expect(taken).toBeGreaterThan(880);
    expect(taken).toBeLessThan(1120);
    expect(ids.every((id) => isSampled("e1", id, 1))).toBe(true);
    expect(ids.some((id) => isSampled("e1", id, 0))).toBe(false);
  });
});

describe("judge answers", () => {
  const labels = { model: "m", prompt: "{{output}}", labels: ["good", "bad"], range: null };
  const numeric = { model: "m", prompt: "{{output}}", labels: null, range: [1, 5] as [number, number] };

  it("reads a label or a number, in JSON or bare, and refuses anything else", () => {
    expect(parseJudgeAnswer(labels, '```json\n{"label": "Good", "explanation": "fine"}\n```')).toEqual({
      ok: true,
      value: null,
      label: "good",
      explanation: "fine",
    });
    expect(parseJudgeAnswer(labels, "bad")).toMatchObject({ ok: true, label: "bad" });
    expect(parseJudgeAnswer(labels, "maybe")).toMatchObject({ ok: false });
    expect(parseJudgeAnswer(numeric, '{"score": 4}')).toMatchObject({ ok: true, value: 4 });
    expect(parseJudgeAnswer(numeric, '{"score": 9}')).toMatchObject({ ok: false });
    expect(parseJudgeAnswer(numeric, "no idea")).toMatchObject({ ok: false });
  });

  it("fills the template's placeholders", () => {
    expect(renderJudgePrompt("Q: {{input}} A: {{ output }} E: {{expected}}", { input: "i", output: "o", expected: "" })).toBe("Q: i A: o E: ");
  });
});
