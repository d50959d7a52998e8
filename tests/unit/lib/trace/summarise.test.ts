// summariseTrace: per-trace totals, counted once, independent of the order spans arrive in.
import { describe, expect, it } from "vitest";
import { summariseTrace, type SummarySpan } from "@/lib/trace/summarise";
import { normaliseFixture, type FixtureName, USD_DIGITS } from "../ingest/support/otlp";

const T = "4bf92f3577b34da6a3ce929d0e0e4736";
const MS = 1_000_000n;

/** A span starting `startMs` after the trace origin; `parent` null = root. */
function span(id: string, parent: string | null, startMs: number, extra: Partial<SummarySpan> = {}): SummarySpan {
  return {
    spanId: id,
    parentSpanId: parent,
    name: id,
    kind: "other",
    serviceName: null,
    startNs: 1_000_000_000_000n + BigInt(startMs) * MS,
    endNs: 1_000_000_000_000n + BigInt(startMs + 10) * MS,
    status: "ok",
    model: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    costSource: null,
    toolName: null,
    agentName: null,
    sessionId: null,
    userId: null,
    ...extra,
  };
}
const llm = (id: string, parent: string | null, start: number, input: number, output: number, costUsd: number | null, extra: Partial<SummarySpan> = {}) =>
  span(id, parent, start, {
    kind: "llm",
    model: "gpt-4o",
    inputTokens: input,
    outputTokens: output,
    costUsd,
    costSource: costUsd === null ? null : "computed",
    ...extra,
  });

/** A deterministic shuffle (no Math.random: failures must reproduce). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const agentTrace = [
  span("root", null, 0, { name: "run", kind: "chain", serviceName: "svc", sessionId: "s-root", endNs: 1_000_000_000_000n + 500n * MS }),
  span("agent", "root", 1, { kind: "agent", agentName: "outer", userId: "u-1" }),
  span("inner", "agent", 2, { kind: "agent", agentName: "inner" }),
  // A wrapper LLM span repeating its child's usage: only the child counts.
  llm("wrap", "inner", 3, 300, 60, 0.5),
  llm("call", "wrap", 4, 300, 60, 0.003),
  span("tool", "inner", 5, { kind: "tool", toolName: "search", status: "error" }),
  span("embed", "agent", 6, { kind: "embedding", model: "text-embedding-3-small", inputTokens: 9, costUsd: 0.00000018, costSource: "computed" }),
  llm("call2", "inner", 7, 100, 20, 0.001, { model: "gpt-4o-mini" }),
];

describe("summariseTrace", () => {
  const summary = summariseTrace(T, agentTrace);

  it("counts tokens and cost once: the wrapper with usage is skipped, the embedding counted", () => {
    expect(summary).toMatchObject({ inputTokens: 300 + 9 + 100, outputTokens: 60 + 20, totalTokens: 489, llmCallCount: 3, hasUnpriced: false });
    expect(summary.costUsd).toBeCloseTo(0.003 + 0.00000018 + 0.001, USD_DIGITS);
  });

  it("counts tools and errors; the trace errs when any span errs", () => {
    expect(summary).toMatchObject({ toolCallCount: 1, errorCount: 1, status: "error", spanCount: 8 });
  });

  it("names the trace after its root, takes the outermost agent and the root's session / first user", () => {
    expect(summary).toMatchObject({
      traceId: T,
      name: "run",
      serviceName: "svc",
      rootSpanId: "root",
      agentName: "outer",
      sessionId: "s-root",
      userId: "u-1",
    });
    // Sorted: the same list whatever order the spans came in.
    expect(summary.models).toEqual(["gpt-4o", "gpt-4o-mini", "text-embedding-3-small"]);
    expect(summary.tools).toEqual(["search"]);
    expect(summary.agents).toEqual(["inner", "outer"]);
  });

  it("spans the earliest start to the latest end", () => {
    expect([summary.startNs, summary.endNs, summary.durationMs]).toEqual([1_000_000_000_000n, 1_000_000_000_000n + 500n * MS, 500]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("gives the same result whatever the arrival order (seed %i)", (seed) => {
    expect(summariseTrace(T, shuffled(agentTrace, seed))).toEqual(summary);
  });
});

describe("cost", () => {
  it.each<[string, SummarySpan[], number | null, boolean]>([
    ["no LLM calls → 0", [span("a", null, 0, { kind: "tool" })], 0, false],
    ["nothing priced → null, not 0", [llm("a", null, 0, 10, 1, null)], null, true],
    ["some priced → the priced sum and hasUnpriced", [llm("a", null, 0, 10, 1, 0.25), llm("b", null, 1, 10, 1, null)], 0.25, true],
    ["all priced → the sum", [llm("a", null, 0, 10, 1, 0.25), llm("b", null, 1, 10, 1, 0.5)], 0.75, false],
    ["a reported 0 is priced", [llm("a", null, 0, 10, 1, 0, { costSource: "reported" })], 0, false],
    ["LLM span without usage is an unpriced call", [llm("a", null, 0, 10, 1, 0.25), span("b", null, 1, { kind: "llm" })], 0.25, true],
  ])("%s", (_label, spans, cost, hasUnpriced) => {
    const summary = summariseTrace(T, spans);
    expect(summary.costUsd).toBe(cost);
    expect(summary.hasUnpriced).toBe(hasUnpriced);
  });

  it("counts a parent with a reported cost only when no descendant carries usage", () => {
    const parent = span("p", null, 0, { kind: "llm", costUsd: 1, costSource: "reported" });
    expect(summariseTrace(T, [parent]).costUsd).toBe(1);
    expect(summariseTrace(T, [parent, llm("c", "p", 1, 5, 5, 0.5)]).costUsd).toBe(0.5);
  });
});

describe("structure", () => {
  it("uses the earliest span's name while the root is missing, and no root id", () => {
    const summary = summariseTrace(T, [span("late", "missing", 9, { name: "late" }), span("early", "missing", 1, { name: "early" })]);
    expect([summary.name, summary.rootSpanId]).toEqual(["early", null]);
  });

  it("takes session and user from the first span that has them when the root has none", () => {
    const summary = summariseTrace(T, [span("r", null, 0), span("b", "r", 5, { sessionId: "s-b", userId: "u-b" }), span("a", "r", 2, { sessionId: "s-a" })]);
    expect([summary.sessionId, summary.userId]).toEqual(["s-a", "u-b"]);
  });

  it("treats orphans as top level when choosing the outermost agent", () => {
    const summary = summariseTrace(T, [
      span("x", null, 0),
      span("deep", "x", 1, { kind: "agent", agentName: "deep" }),
      span("orphan", "gone", 2, { kind: "agent", agentName: "orphan" }),
    ]);
    expect(summary.agentName).toBe("orphan");
  });

  it("falls back to any span's agent name (e.g. ai.telemetry.functionId) when no agent span has one", () => {
    expect(summariseTrace(T, [span("r", null, 0, { kind: "chain", agentName: "fn" }), span("c", "r", 1, { kind: "llm", agentName: "child" })]).agentName).toBe(
      "fn",
    );
  });

  it("reports status ok without errors and a null agent without names", () => {
    expect(summariseTrace(T, [span("r", null, 0, { status: "unset" })])).toMatchObject({
      status: "ok",
      errorCount: 0,
      agentName: null,
      sessionId: null,
      userId: null,
    });
  });

  it("does not hang on parent cycles and still counts each call once", () => {
    const spans = [
      llm("a", "b", 0, 10, 1, 0.1),
      llm("b", "c", 1, 20, 2, 0.2),
      llm("c", "a", 2, 30, 3, 0.3),
      span("self", "self", 3, { kind: "agent", agentName: "loop" }),
    ];
    const summary = summariseTrace(T, spans);
    expect(summary.spanCount).toBe(4);
    expect(summary.agentName).toBe("loop");
    expect(summary.name).toBe("a");
  });
});

describe("captured fixtures", () => {
  const summaryOf = (name: FixtureName, traceId?: string) => {
    const spans = normaliseFixture(name).spans.filter((s) => !traceId || s.traceId === traceId);
    return summariseTrace(spans[0]!.traceId, spans);
  };

  it.each<[FixtureName, string | undefined, string, number, number, number, number, number, string | null]>([
    // fixture, trace, name, llmCalls, tools, input, output, cost, agent
    ["vercel-ai", "e9b6d00d73c937e9bd437c4ee5c99056", "ai.generateText", 2, 1, 300, 60, 0.000024 + 0.0000426, "support-agent"],
    ["vercel-ai", "bfd9c83f7373a30d6ad1854cc2ce73b6", "ai.embed", 1, 0, 9, 0, 0.00000018, "support-search"],
    ["openai-official", undefined, "invoke_agent support-agent", 3, 1, 309, 60, 0.0000288 + 0.0000522 + 0.00000018, "support-agent"],
    ["openinference", undefined, "weather-agent", 3, 1, 300, 60, 0.0004 + 0.00071, "weather-agent"],
    ["openllmetry", undefined, "restock_check.workflow", 2, 1, 300, 60, 0.0000288 + 0.0000522, "inventory_agent"],
    ["langfuse", undefined, "support-triage", 2, 1, 1610, 120, 0.0032 + 0.0001191, "triage-agent"],
  ])("%s %s", (fixture, traceId, name, llmCalls, tools, input, output, cost, agent) => {
    const summary = summaryOf(fixture, traceId);
    expect(summary).toMatchObject({
      name,
      llmCallCount: llmCalls,
      toolCallCount: tools,
      inputTokens: input,
      outputTokens: output,
      agentName: agent,
      errorCount: 0,
    });
    expect(summary.costUsd).toBeCloseTo(cost, USD_DIGITS);
  });

  it("flags the OpenInference trace as partly unpriced (its embedding has no token counts)", () => {
    expect(summaryOf("openinference").hasUnpriced).toBe(true);
    expect(summaryOf("openllmetry").hasUnpriced).toBe(false);
  });
});
