import { describe, expect, it } from "vitest";
import { compileRule, contentJson, contentText, targetsOf, traceOutput, type EvalSpan, type EvalTrace } from "@/lib/quality/rule-evaluation";

const span = (over: Partial<EvalSpan>): EvalSpan => ({
  spanId: "a".repeat(16),
  parentSpanId: null,
  name: "root",
  kind: "agent",
  status: "ok",
  statusMessage: null,
  endMs: 1000,
  durationMs: 100,
  costUsd: null,
  model: null,
  input: null,
  output: null,
  ...over,
});

const trace = (over: Partial<EvalTrace>, spans: EvalSpan[]): EvalTrace => ({
  traceId: "f".repeat(32),
  name: "t",
  status: "ok",
  durationMs: 500,
  costUsd: 0.002,
  toolCallCount: 0,
  rootSpanId: spans[0]?.spanId ?? null,
  findingCount: 0,
  spans,
  ...over,
});

const verdictOn = (rule: Parameters<typeof compileRule>[0], t: EvalTrace) => compileRule(rule)(targetsOf(t, "trace")[0]!);

describe("rule evaluation", () => {
  it("reads the trace's answer from the root, else the last LLM call", () => {
    const llm = span({
      spanId: "b".repeat(16),
      parentSpanId: "a".repeat(16),
      kind: "llm",
      output: [{ role: "assistant", content: "from the model" }],
      endMs: 900,
    });
    expect(traceOutput(trace({}, [span({}), llm]))).toEqual([{ role: "assistant", content: "from the model" }]);
    expect(contentText(traceOutput(trace({}, [span({}), llm])))).toBe("from the model");
    expect(traceOutput(trace({}, [span({ output: "root answer" }), llm]))).toBe("root answer");
  });

  it("scores pass and fail with a reason, and skips what it cannot judge", () => {
    const answered = trace({}, [span({ output: '{"amount": 3}' })]);
    expect(verdictOn({ kind: "contains", value: "amount" }, answered)).toMatchObject({ kind: "score", value: 1, label: "pass" });
    expect(verdictOn({ kind: "regex", value: "^x", flags: "" }, answered)).toMatchObject({ value: 0, label: "fail" });
    const schema = { type: "object", properties: { amount: { type: "string" } } };
    expect(verdictOn({ kind: "json_schema", value: schema }, answered)).toMatchObject({ value: 0, comment: expect.stringContaining("/amount") });
    expect(verdictOn({ kind: "max_cost_usd", value: 0.001 }, answered)).toMatchObject({ value: 0 });
    expect(verdictOn({ kind: "max_cost_usd", value: 0.001 }, trace({ costUsd: null }, [span({})]))).toMatchObject({ kind: "skip" });
    expect(verdictOn({ kind: "contains", value: "x" }, trace({}, [span({})]))).toMatchObject({ kind: "skip" });
    expect(verdictOn({ kind: "max_tool_calls", value: 2 }, trace({ toolCallCount: 3 }, [span({})]))).toMatchObject({ value: 0 });
    expect(verdictOn({ kind: "no_error" }, trace({ status: "error" }, [span({ status: "error", statusMessage: "boom" })]))).toMatchObject({
      value: 0,
      comment: "error: boom",
    });
    expect(verdictOn({ kind: "no_findings" }, trace({ findingCount: 2 }, [span({})]))).toMatchObject({ value: 0, comment: "2 findings" });
  });

  it("targets each LLM or tool span", () => {
    const t = trace({}, [span({}), span({ spanId: "c".repeat(16), kind: "llm" }), span({ spanId: "d".repeat(16), kind: "tool" })]);
    expect(targetsOf(t, "llm_span").map((x) => x.spanId)).toEqual(["c".repeat(16)]);
    expect(targetsOf(t, "tool_span").map((x) => x.spanId)).toEqual(["d".repeat(16)]);
  });

  it("finds JSON in fenced text and in the last message", () => {
    expect(contentJson('```json\n{"a": 1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(contentJson("not json")).toEqual({ ok: false });
  });
});
