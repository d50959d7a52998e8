// The trace page's critical path from span outlines: the same answer as lib/retro on full spans.
import { expect, it } from "vitest";
import { criticalPathOfOutlines } from "@/lib/trace/critical-path-view";
import type { SpanOutline } from "@/lib/trace/span-outline";

const T0 = Date.UTC(2026, 0, 1);
const outline = (spanId: string, parentSpanId: string | null, kind: SpanOutline["kind"], fromMs: number, durationMs: number): SpanOutline => ({
  spanId,
  parentSpanId,
  name: spanId,
  kind,
  serviceName: null,
  startTime: new Date(T0 + fromMs).toISOString(),
  durationMs,
  status: "ok",
  statusMessage: null,
  model: null,
  inputTokens: null,
  outputTokens: null,
  costUsd: null,
  toolName: null,
  agentName: null,
  mcpServer: null,
});

it("walks back from the end: parallel work that finished earlier is off the path, a child outliving its parent is cut", () => {
  const path = criticalPathOfOutlines([
    outline("root", null, "agent", 0, 1000),
    outline("a", "root", "tool", 0, 400),
    outline("b", "root", "tool", 100, 800),
    outline("g", "b", "llm", 100, 750),
    outline("c", "root", "llm", 900, 100),
    outline("d", "c", "tool", 950, 250),
  ]);
  expect(path.segments).toEqual([
    { spanId: "root", selfMs: 100 },
    { spanId: "b", selfMs: 50 },
    { spanId: "g", selfMs: 750 },
    { spanId: "c", selfMs: 50 },
    { spanId: "d", selfMs: 50 },
  ]);
  expect(path.totalMs).toBe(1000);
  expect(path.byKind).toMatchObject({ agent: 100, tool: 100, llm: 800 });
});

it("is empty for a trace without spans", () => {
  expect(criticalPathOfOutlines([])).toMatchObject({ totalMs: 0, segments: [] });
});
