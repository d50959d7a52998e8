import { describe, expect, it } from "vitest";
import { diffTraces } from "@/lib/retro/diff-traces";
import type { Deltas, RetroSpan } from "@/lib/retro/types";
import { agent, llm, span, tool } from "./make-retro-span";

/** The steps as "status kind:name [changed]" lines, for alignment assertions. */
const outline = (a: RetroSpan[], b: RetroSpan[]) =>
  diffTraces(a, b).steps.map((s) => {
    const ref = (s.b ?? s.a)!;
    return `${s.status} ${ref.spanId}${s.changed.length ? ` [${s.changed.join(",")}]` : ""}`;
  });

const ZERO: Deltas = { durationMs: 0, costUsd: 0, inputTokens: 0, outputTokens: 0, llmCalls: 0, toolCalls: 0 };

function run(prefix: string, model = "gpt-4o", extra: (RetroSpan | null)[] = []): RetroSpan[] {
  return [
    agent(`${prefix}root`, null, 0, 1000, "support"),
    llm(`${prefix}plan`, `${prefix}root`, 0, 100, { name: `chat ${model}`, model, input: [{ role: "user", content: "Where is my order?" }] }),
    tool(`${prefix}lookup`, `${prefix}root`, 110, 50, "lookup_order", { id: "A-1" }, { output: { status: "shipped" } }),
    llm(`${prefix}answer`, `${prefix}root`, 200, 100, { name: `chat ${model}`, model, input: [{ role: "user", content: "Summarise" }] }),
    ...extra.filter((s): s is RetroSpan => s !== null),
  ];
}

describe("trace diff", () => {
  it("pairs every step of two identical runs as the same, with zero deltas", () => {
    const result = diffTraces(run("a-"), run("b-"));
    expect(result.steps.map((s) => [s.status, s.a?.spanId, s.b?.spanId])).toEqual([
      ["same", "a-root", "b-root"],
      ["same", "a-plan", "b-plan"],
      ["same", "a-lookup", "b-lookup"],
      ["same", "a-answer", "b-answer"],
    ]);
    expect(result.totals).toEqual(ZERO);
    expect(result.steps.every((s) => s.changed.length === 0)).toBe(true);
  });

  it("shows a model swap as one changed step, not a removal and an addition", () => {
    const cheaper = run("b-", "gpt-4o-mini").map((s) => (s.kind === "llm" ? { ...s, costUsd: 0.001 } : s));
    const result = diffTraces(run("a-"), cheaper);
    expect(result.steps.map((s) => [s.status, s.changed])).toEqual([
      ["same", []],
      ["changed", ["model"]],
      ["same", []],
      ["changed", ["model"]],
    ]);
    expect(result.steps[1]).toMatchObject({ a: { model: "gpt-4o", name: "chat gpt-4o" }, b: { model: "gpt-4o-mini", kind: "llm" } });
    expect(result.steps[1]!.deltas.costUsd).toBe(-0.009);
    expect(result.totals.costUsd).toBe(-0.018);
  });

  it("aligns LLM steps by operation when the span name carries the model and no operation is sent", () => {
    const a = [llm("a", null, 0, 10, { name: "openai.chat gpt-4o", attributes: { "gen_ai.request.model": "gpt-4o" } })];
    const b = [
      llm("b", null, 0, 10, { name: "openai.chat gpt-4o-mini", model: "gpt-4o-mini-2024-07-18", attributes: { "gen_ai.request.model": "gpt-4o-mini" } }),
    ];
    expect(outline(a, b)).toEqual(["changed b [model]"]);
  });

  it("shows an inserted step as added and a missing one as removed, with their deltas", () => {
    const verify = tool("b-verify", "b-root", 170, 20, "verify", { id: "A-1" });
    expect(outline(run("a-"), run("b-", "gpt-4o", [verify]))).toEqual(["same b-root", "same b-plan", "same b-lookup", "added b-verify", "same b-answer"]);
    const result = diffTraces(run("a-"), run("b-", "gpt-4o", [verify]));
    expect(result.steps[3]!.deltas).toEqual({ ...ZERO, durationMs: 20, toolCalls: 1 });
    expect(result.totals.toolCalls).toBe(1);

    const shorter = run("b-").filter((s) => s.spanId !== "b-lookup");
    expect(outline(run("a-"), shorter)).toEqual(["same b-root", "same b-plan", "removed a-lookup", "same b-answer"]);
    expect(diffTraces(run("a-"), shorter).totals).toMatchObject({ toolCalls: -1, llmCalls: 0 });
  });

  it("shows a reordering as a removal where the step was and an addition where it went", () => {
    const a = [
      span("root", null, 0, 100),
      tool("x", "root", 0, 10, "search", {}),
      tool("y", "root", 20, 10, "fetch", {}),
      tool("z", "root", 40, 10, "read", {}),
    ];
    const b = [
      span("root", null, 0, 100),
      tool("y2", "root", 0, 10, "fetch", {}),
      tool("x2", "root", 20, 10, "search", {}),
      tool("z2", "root", 40, 10, "read", {}),
    ];
    expect(diffTraces(a, b).steps.map((s) => [s.status, s.a?.spanId ?? null, s.b?.spanId ?? null])).toEqual([
      ["same", "root", "root"],
      ["removed", "x", null],
      ["same", "y", "y2"],
      ["added", null, "x2"],
      ["same", "z", "z2"],
    ]);
  });

  it("aligns nested agents level by level and adds or removes whole subtrees", () => {
    const base = (p: string, withReview: boolean) => [
      agent(`${p}root`, null, 0, 1000, "supervisor"),
      agent(`${p}research`, `${p}root`, 10, 400, "researcher"),
      llm(`${p}r-llm`, `${p}research`, 20, 100),
      tool(`${p}r-search`, `${p}research`, 130, 50, "search", { q: "x" }),
      ...(withReview ? [agent(`${p}review`, `${p}root`, 450, 200, "reviewer"), llm(`${p}rv-llm`, `${p}review`, 460, 100)] : []),
      agent(`${p}write`, `${p}root`, 700, 200, "writer"),
      llm(`${p}w-llm`, `${p}write`, 710, 100),
    ];
    expect(outline(base("a-", false), base("b-", true))).toEqual([
      "same b-root",
      "same b-research",
      "same b-r-llm",
      "same b-r-search",
      "added b-review",
      "added b-rv-llm",
      "same b-write",
      "same b-w-llm",
    ]);
    const totals = diffTraces(base("a-", true), base("b-", false)).totals;
    expect(totals).toMatchObject({ llmCalls: -1, inputTokens: -100, outputTokens: -10 });
    expect(totals.costUsd).toBeCloseTo(-0.01, 10);
  });

  it("names what changed: tool arguments, outputs, inputs and status, ignoring key order", () => {
    const a = [
      span("root", null, 0, 100),
      tool("t", "root", 0, 10, "search", { q: "x", limit: 5 }, { output: "3 hits" }),
      llm("l", "root", 20, 10, { input: "hi" }),
    ];
    const sameArgs = [
      span("root", null, 0, 100),
      tool("t", "root", 0, 10, "search", '{"limit":5,"q":"x"}', { output: "3 hits" }),
      llm("l", "root", 20, 10, { input: "hi" }),
    ];
    expect(outline(a, sameArgs)).toEqual(["same root", "same t", "same l"]);
    const changed = [
      span("root", null, 0, 100),
      tool("t", "root", 0, 10, "search", { q: "y", limit: 5 }, { output: "0 hits", status: "error" }),
      llm("l", "root", 20, 10, { input: "hello" }),
    ];
    expect(outline(a, changed)).toEqual(["same root", "changed t [output,arguments,status]", "changed l [input]"]);
  });

  it("adds up the steps' usage deltas to the totals, and leaves an unpriced cost unknown", () => {
    const a = run("a-");
    const b = run("b-", "gpt-4o", [llm("b-extra", "b-root", 400, 100, { costUsd: null, inputTokens: 50 })]);
    const result = diffTraces(a, b);
    const sum = (key: "inputTokens" | "outputTokens" | "llmCalls" | "toolCalls") => result.steps.reduce((n, s) => n + s.deltas[key], 0);
    expect([sum("inputTokens"), sum("outputTokens"), sum("llmCalls"), sum("toolCalls")]).toEqual([
      result.totals.inputTokens,
      result.totals.outputTokens,
      result.totals.llmCalls,
      result.totals.toolCalls,
    ]);
    expect(result.steps.find((s) => s.b?.spanId === "b-extra")?.deltas.costUsd).toBeNull();
    expect(result.totals.costUsd).toBe(0); // the priced calls are the same on both sides
  });

  it("diffs empty runs and runs with no priced call", () => {
    expect(diffTraces([], [])).toEqual({ totals: { ...ZERO, costUsd: null }, steps: [] });
    expect(diffTraces([], run("b-")).steps.every((s) => s.status === "added")).toBe(true);
  });
});
