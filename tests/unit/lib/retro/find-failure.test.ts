import { describe, expect, it } from "vitest";
import { detectFindings } from "@/lib/retro/detect-findings";
import type { RetroSpan } from "@/lib/retro/types";
import { agent, llm, span, tool } from "./make-retro-span";

const failure = (spans: RetroSpan[]) => detectFindings(spans).filter((f) => f.type === "failure");
const error = (message: string, extra: Partial<RetroSpan> = {}): Partial<RetroSpan> => ({ status: "error", statusMessage: message, ...extra });
const rateLimited = error("429 Rate limit reached for gpt-4o", { attributes: { "gen_ai.operation.name": "chat", "error.type": "RateLimitError" } });

describe("the first real failure", () => {
  it("is the failed span that ended first, with its mode, message, tool and agent", () => {
    const spans = [
      agent("root", null, 0, 1000, "support", error("run failed")),
      llm("l0", "root", 0, 100),
      tool("t0", "root", 150, 50, "lookup_order", { id: 1 }, error("order service returned 500")),
      llm("l1", "root", 300, 100, rateLimited),
    ];
    expect(failure(spans)).toEqual([
      {
        type: "failure",
        spanIds: ["t0"],
        count: 1,
        wastedMs: 0,
        wastedCostUsd: 0,
        failureMode: "tool_error",
        message: "order service returned 500",
        toolName: "lookup_order",
        agents: ["support"],
      },
    ]);
  });

  it("is not a failure that a retry handled: a later sibling with the same signature that succeeded", () => {
    const spans = [
      span("root", null, 0, 1000),
      llm("attempt1", "root", 0, 100, rateLimited),
      llm("attempt2", "root", 150, 100, { model: "gpt-4o-2024-08-06" }),
    ];
    expect(failure(spans)).toEqual([]);
  });

  it("is the retried call when the retries failed too (the first of them)", () => {
    const spans = [span("root", null, 0, 1000), llm("attempt1", "root", 0, 100, rateLimited), llm("attempt2", "root", 150, 100, rateLimited)];
    expect(failure(spans)).toMatchObject([{ spanIds: ["attempt1"], failureMode: "provider_rate_limit" }]);
  });

  it("does not take a call running in parallel, or one of another signature, for a retry", () => {
    const parallel = [span("root", null, 0, 1000), llm("a", "root", 0, 100, rateLimited), llm("b", "root", 50, 100)];
    expect(failure(parallel)).toMatchObject([{ spanIds: ["a"] }]);
    const otherTool = [span("root", null, 0, 1000), tool("t0", "root", 0, 10, "search", {}, error("boom")), tool("t1", "root", 20, 10, "fetch", {})];
    expect(failure(otherTool)).toMatchObject([{ spanIds: ["t0"] }]);
  });

  it("counts a tool called again successfully (other arguments) as the retry of a failed call", () => {
    const spans = [
      span("root", null, 0, 1000),
      tool("t0", "root", 0, 10, "search", { q: "x" }, error("bad query")),
      tool("t1", "root", 20, 10, "search", { q: "y" }),
    ];
    expect(failure(spans)).toEqual([]);
  });

  it("counts a failure as handled when the step it broke was re-run successfully", () => {
    // The tool error propagated to its agent step, and the whole step was run again and worked.
    const spans = [
      span("root", null, 0, 1000),
      agent("step1", "root", 0, 200, "researcher", error("tool failed")),
      tool("t0", "step1", 10, 50, "search", {}, error("timeout", { attributes: { "error.type": "TimeoutError" } })),
      agent("step2", "root", 300, 200, "researcher"),
      tool("t1", "step2", 310, 50, "browse", {}),
    ];
    expect(failure(spans)).toEqual([]);
    // But a failed step re-run that failed again is the failure, at its deepest cause.
    const rerunFailed = spans.map((s) => (s.spanId === "step2" ? { ...s, ...error("again") } : s));
    expect(failure(rerunFailed)).toMatchObject([{ spanIds: ["t0"], failureMode: "timeout" }]);
  });

  it("is the deeper span when a failure and the parent it broke end together", () => {
    const spans = [span("root", null, 0, 100, error("boom")), span("child", "root", 50, 50, error("Request timed out.", { kind: "llm" }))];
    expect(failure(spans)).toMatchObject([{ spanIds: ["child"], failureMode: "provider_timeout" }]);
  });

  it("treats a rejected approval and a filtered response as failures whatever their status", () => {
    const approval = span("approve", "root", 10, 5000, { attributes: { "hindsight.approval.decision": "rejected", "hindsight.approval.action": "refund" } });
    expect(failure([span("root", null, 0, 10_000), approval])).toMatchObject([{ spanIds: ["approve"], failureMode: "approval_rejected" }]);
    const approved = { ...approval, attributes: { "hindsight.approval.decision": "approved" } };
    expect(failure([span("root", null, 0, 10_000), approved])).toEqual([]);
    const filtered = llm("l0", "root", 0, 100, { attributes: { "gen_ai.response.finish_reasons": ["content_filter"] } });
    expect(failure([span("root", null, 0, 1000), filtered])).toMatchObject([{ spanIds: ["l0"], failureMode: "content_filter" }]);
  });

  it("is absent from a run without errors", () => {
    expect(failure([span("root", null, 0, 100), llm("l0", "root", 0, 50)])).toEqual([]);
  });
});
