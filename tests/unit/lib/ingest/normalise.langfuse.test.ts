// tests/fixtures/otlp/langfuse.json (@langfuse/otel 5.11): observation types, usage_details and cost_details.
import { describe, expect, it } from "vitest";
import { inputOf, normaliseFixture, outputOf, spanNamed, USD_DIGITS } from "./support/otlp";

const batch = normaliseFixture("langfuse");
const root = spanNamed(batch, "support-triage");
const agent = spanNamed(batch, "triage-agent");
const classify = spanNamed(batch, "classify-intent");
const search = spanNamed(batch, "search-kb");
const draft = spanNamed(batch, "draft-reply");

describe("langfuse fixture", () => {
  it.each([
    // The root observation has the generic type "span": nothing else says what it is.
    ["support-triage", "other"],
    ["triage-agent", "agent"],
    ["classify-intent", "llm"],
    ["search-kb", "tool"],
    ["draft-reply", "llm"],
  ])("%s is %s", (name, kind) => {
    expect(spanNamed(batch, name).kind).toBe(kind);
  });

  it("adds input_* parts of usage_details to input (cached tokens included) and lets the reported cost win", () => {
    // usage_details = {"input":176,"input_cached_tokens":1024,"output":24}; cost_details.total = 0.0032
    expect(classify).toMatchObject({
      model: "gpt-4o",
      provider: null,
      inputTokens: 176 + 1024,
      outputTokens: 24,
      cacheReadTokens: 1024,
      cacheWriteTokens: null,
      costUsd: 0.0032,
      costSource: "reported",
    });
  });

  it("computes the cost of a generation that reports none", () => {
    expect(draft).toMatchObject({ model: "gpt-4o-mini", inputTokens: 410, outputTokens: 96, cacheReadTokens: null, costSource: "computed" });
    expect(draft.costUsd).toBeCloseTo((410 * 0.15 + 96 * 0.6) / 1e6, USD_DIGITS);
    expect(draft.costUsd).toBeCloseTo(0.0001191, USD_DIGITS);
  });

  it("names tool and agent observations after their span name", () => {
    expect(search.toolName).toBe("search-kb");
    expect(agent.agentName).toBe("triage-agent");
    expect([root.toolName, root.agentName, classify.toolName, classify.agentName]).toEqual([null, null, null, null]);
  });

  it("parses observation input/output JSON and keeps plain text as text", () => {
    expect(inputOf(classify)).toEqual([{ role: "user", content: "My invoice INV-88 is wrong" }]);
    expect(outputOf(classify)).toEqual({ role: "assistant", content: "billing" });
    expect(inputOf(search)).toEqual({ query: "invoice correction" });
    expect(outputOf(search)).toEqual({ articles: ["billing/corrections"], hits: 1 });
    expect(outputOf(agent)).toBe("I have opened a correction request for INV-88.");
    expect(agent.input).toBeNull();
    expect(inputOf(root)).toEqual({ question: "My invoice INV-88 is wrong" });
  });

  it("reads session.id and user.id on every span", () => {
    for (const span of batch.spans) {
      expect(span.sessionId).toMatch(/^sess-langfuse-[0-9a-f]+$/);
      expect(span.userId).toMatch(/^user-langfuse-[0-9a-f]+$/);
    }
  });

  it("keeps the span → agent → generations/tool tree", () => {
    expect(root.parentSpanId).toBeNull();
    expect(agent.parentSpanId).toBe(root.spanId);
    expect([classify, search, draft].map((s) => s.parentSpanId)).toEqual([agent.spanId, agent.spanId, agent.spanId]);
    expect(batch.resources).toHaveLength(1);
    expect(new Set(batch.spans.map((s) => s.resourceId))).toEqual(new Set([batch.resources[0]!.id]));
  });
});
