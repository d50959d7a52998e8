// Running a rule on what an evaluator targets: the whole trace (its root's input, its output, cost,
// duration, status, tool calls and findings) or each LLM or tool span. A rule's verdict is a score of 1
// ("pass") or 0 ("fail") with a comment saying why; a rule that cannot judge (no output, an unpriced
// trace for a cost limit) skips, which is not a score. Pure.
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import type { Kind, Status } from "@/lib/trace/types";
import { compileJsonSchema, type Rule } from "./evaluator-rules";
import type { EvaluatorTarget } from "./evaluator-config";

export type EvalSpan = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: Kind;
  status: Status;
  statusMessage: string | null;
  endMs: number;
  durationMs: number;
  costUsd: number | null;
  model: string | null;
  input: unknown;
  output: unknown;
};

export type EvalTrace = {
  traceId: string;
  name: string;
  status: Status;
  durationMs: number;
  costUsd: number | null;
  toolCallCount: number;
  rootSpanId: string | null;
  spans: EvalSpan[];
  /** Findings of the trace (tool loops, agent cycles, repeated calls, failures), for no_findings. */
  findingCount: number;
};

/** One thing an evaluator scores: the trace (spanId null) or one span. */
export type EvalTarget = {
  spanId: string | null;
  input: unknown;
  output: unknown;
  costUsd: number | null;
  durationMs: number;
  status: Status;
  statusMessage: string | null;
  toolCalls: number;
  findingCount: number;
};

export type Verdict = { kind: "score"; spanId: string | null; value: number; label: "pass" | "fail"; comment: string } | { kind: "skip"; reason: string };

/** The most text a rule reads of one output (a regex over megabytes of text would hold the job up). */
const MAX_TEXT = 200_000;
/**
 * A regex reads less: redos-detector bounds one attempt's backtracking, but a search tries every position,
 * so a repetition that fails late (`\w+@` on one long word) costs the square of the text's length.
 */
const MAX_REGEX_TEXT = 20_000;

/** The trace's answer: its root span's output, else the output of the LLM call that ended last. */
export function traceOutput(trace: EvalTrace): unknown {
  const root = trace.spans.find((s) => s.spanId === trace.rootSpanId);
  if (root && root.output !== null && root.output !== undefined) return root.output;
  const calls = trace.spans.filter((s) => s.kind === "llm" && s.output !== null && s.output !== undefined).sort((a, b) => b.endMs - a.endMs);
  return calls[0]?.output ?? null;
}

/** What an evaluator with this target scores in the trace. */
export function targetsOf(trace: EvalTrace, target: EvaluatorTarget): EvalTarget[] {
  if (target === "trace") {
    const root = trace.spans.find((s) => s.spanId === trace.rootSpanId);
    const failed = trace.spans.find((s) => s.status === "error");
    return [
      {
        spanId: null,
        input: root?.input ?? null,
        output: traceOutput(trace),
        costUsd: trace.costUsd,
        durationMs: trace.durationMs,
        status: trace.status,
        statusMessage: failed?.statusMessage ?? null,
        toolCalls: trace.toolCallCount,
        findingCount: trace.findingCount,
      },
    ];
  }
  const kind: Kind = target === "llm_span" ? "llm" : "tool";
  return trace.spans
    .filter((s) => s.kind === kind)
    .map((s) => ({
      spanId: s.spanId,
      input: s.input,
      output: s.output,
      costUsd: s.costUsd,
      durationMs: s.durationMs,
      status: s.status,
      statusMessage: s.statusMessage,
      toolCalls: 0,
      findingCount: 0,
    }));
}

/** An input or output as text: a string as it is, a conversation as its messages' text, anything else as JSON. */
export function contentText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.slice(0, MAX_TEXT);
  const messages = normaliseChatMessages(value, { defaultRole: "assistant" });
  if (messages) {
    return messages
      .flatMap((m) => m.parts.map((p) => (p.type === "text" ? p.text : JSON.stringify(p))))
      .join("\n")
      .slice(0, MAX_TEXT);
  }
  return JSON.stringify(value).slice(0, MAX_TEXT);
}

/** The JSON value an output holds: parsed text, the last message's text parsed, or the value itself. */
export function contentJson(value: unknown): { ok: true; value: unknown } | { ok: false } {
  const parse = (text: string) => {
    try {
      return { ok: true as const, value: JSON.parse(text.trim().replace(/^```(?:json)?\s*|\s*```$/g, "")) as unknown };
    } catch {
      return { ok: false as const };
    }
  };
  if (typeof value === "string") return parse(value);
  const messages = normaliseChatMessages(value, { defaultRole: "assistant" });
  if (messages) {
    const text = messages.at(-1)?.parts.find((p) => p.type === "text");
    return text && text.type === "text" ? parse(text.text) : { ok: false };
  }
  return value === null || value === undefined ? { ok: false } : { ok: true, value };
}

const money = (n: number) => `$${Number(n.toPrecision(6))}`;
const verdict = (t: EvalTarget, pass: boolean, comment: string): Verdict => ({
  kind: "score",
  spanId: t.spanId,
  value: pass ? 1 : 0,
  label: pass ? "pass" : "fail",
  comment,
});

/** A rule compiled once (its regex, its JSON schema validator) into a function over targets. */
export function compileRule(rule: Rule): (target: EvalTarget) => Verdict {
  switch (rule.kind) {
    case "regex": {
      const regex = new RegExp(rule.value, rule.flags);
      return (t) => {
        if (t.output === null || t.output === undefined) return { kind: "skip", reason: "no output" };
        const pass = regex.test(contentText(t.output).slice(0, MAX_REGEX_TEXT));
        return verdict(t, pass, `output ${pass ? "matches" : "does not match"} /${rule.value}/${rule.flags}`);
      };
    }
    case "contains":
      return (t) => {
        if (t.output === null || t.output === undefined) return { kind: "skip", reason: "no output" };
        const pass = contentText(t.output).includes(rule.value);
        return verdict(t, pass, `output ${pass ? "contains" : "does not contain"} ${JSON.stringify(rule.value.slice(0, 100))}`);
      };
    case "json_schema": {
      const compiled = compileJsonSchema(rule.value);
      if (!compiled.ok) throw new Error(compiled.message); // checked when the evaluator was saved
      const validate = compiled.validate;
      return (t) => {
        if (t.output === null || t.output === undefined) return { kind: "skip", reason: "no output" };
        const json = contentJson(t.output);
        if (!json.ok) return verdict(t, false, "output is not JSON");
        const pass = validate(json.value);
        const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`).slice(0, 5);
        return verdict(t, pass, pass ? "output matches the JSON schema" : `output does not match the JSON schema: ${errors.join("; ")}`);
      };
    }
    case "max_cost_usd":
      return (t) =>
        t.costUsd === null
          ? { kind: "skip", reason: "unpriced: no cost to compare" }
          : verdict(t, t.costUsd <= rule.value, `cost ${money(t.costUsd)} ${t.costUsd <= rule.value ? "≤" : ">"} ${money(rule.value)}`);
    case "max_duration_ms":
      return (t) =>
        verdict(t, t.durationMs <= rule.value, `duration ${Math.round(t.durationMs)} ms ${t.durationMs <= rule.value ? "≤" : ">"} ${rule.value} ms`);
    case "max_tool_calls":
      return (t) => verdict(t, t.toolCalls <= rule.value, `${t.toolCalls} tool calls ${t.toolCalls <= rule.value ? "≤" : ">"} ${rule.value}`);
    case "no_error":
      return (t) => verdict(t, t.status !== "error", t.status === "error" ? `error: ${t.statusMessage ?? "a span failed"}` : "no error");
    case "no_findings":
      return (t) => verdict(t, t.findingCount === 0, t.findingCount === 0 ? "no findings" : `${t.findingCount} finding${t.findingCount === 1 ? "" : "s"}`);
  }
}
