import { describe, expect, it } from "vitest";
import { packSpanOutlines, toSpanOutline, unpackSpanOutlines } from "@/lib/trace/span-outline";
import { makeSpan } from "./make-span";

const spans = [
  makeSpan("a", null, 0, 1500.25, { kind: "agent", agentName: "bot", serviceName: "svc" }),
  makeSpan("b", "a", 3, 700, {
    kind: "llm",
    model: "gpt-4o",
    inputTokens: 10,
    outputTokens: 2,
    costUsd: 0.0001,
    serviceName: "svc",
    input: "x".repeat(10_000),
  }),
  makeSpan("c", "a", 710, 0, { kind: "tool", toolName: "<script>", status: "error", statusMessage: "boom", serviceName: "svc" }),
  makeSpan("orphan", "missing", -5, 1, {}),
];

describe("span outlines", () => {
  it("round-trips through the packed form", () => {
    const outlines = spans.map(toSpanOutline);
    expect(unpackSpanOutlines(JSON.parse(JSON.stringify(packSpanOutlines(outlines))))).toEqual(outlines);
  });

  it("keeps only the outline fields", () => {
    const outline = toSpanOutline(spans[1]!);
    expect(Object.keys(outline)).not.toContain("input");
    expect(Object.keys(outline)).not.toContain("attributes");
  });

  it("stores repeated strings once and is much smaller than the spans", () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      makeSpan(`s${i}`, "a", i, 5, { kind: "tool", toolName: "search", serviceName: "svc", input: { q: "y".repeat(200) } }),
    );
    const packed = packSpanOutlines(many);
    expect(packed.strings.filter((s) => s === "svc")).toHaveLength(1);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(many).length / 5);
  });

  it("packs an empty trace", () => {
    expect(unpackSpanOutlines(packSpanOutlines([]))).toEqual([]);
  });
});
