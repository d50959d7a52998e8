// `npm run demo` end to end: the SDK's real OTLP exporter → the server → the read API shows every
// story the dashboards rely on.
import { beforeAll, expect, it } from "vitest";
import { runDemo, type DemoSummary } from "../../scripts/demo/run-demo";
import type { TraceSummary } from "@/lib/trace/types";
import { forEachDatabase, getTrace, listTraces } from "./support";

forEachDatabase((server) => {
  let summary: DemoSummary;
  let traces: TraceSummary[];
  beforeAll(async () => {
    summary = await runDemo({ url: server.baseUrl, apiKey: server.apiKey, traces: 12, days: 3, seed: 7, log: () => undefined });
    const pages = await Promise.all(summary.traceIds.map((id) => getTrace(server, id)));
    traces = pages.map((p) => p.trace);
  });

  it("stores every trace and span the demo sent", () => {
    expect(traces).toHaveLength(summary.traces);
    expect(traces.reduce((n, t) => n + t.spanCount, 0)).toBe(summary.spans);
  });

  it("shows the tool loop, the failed refund and the unpriced model", async () => {
    const loop = traces.find((t) => t.toolCallCount >= 12);
    expect(loop).toBeDefined();
    const loopSpans = (await getTrace(server, loop!.traceId)).spans.filter((s) => s.kind === "tool");
    const calls = new Map<string, number>();
    for (const s of loopSpans) calls.set(s.toolName ?? "", (calls.get(s.toolName ?? "") ?? 0) + 1);
    expect(Math.max(...calls.values())).toBeGreaterThanOrEqual(12);
    expect(traces.filter((t) => t.status === "error").length).toBeGreaterThanOrEqual(summary.failedRuns);
    expect(traces.some((t) => t.hasUnpricedCalls && t.models.includes("acme-llm-1"))).toBe(true);
    expect(traces.filter((t) => t.costUsd !== null && t.costUsd > 0).length).toBeGreaterThan(traces.length / 2);
  });

  it("groups multi-turn runs by session and filters by user", async () => {
    const session = traces.find((t) => t.sessionId && traces.filter((o) => o.sessionId === t.sessionId).length > 1)!;
    const page = await listTraces(server, { sessionId: session.sessionId! });
    expect(page.data.length).toBe(traces.filter((t) => t.sessionId === session.sessionId).length);
    expect((await listTraces(server, { userId: session.userId! })).data.every((t) => t.userId === session.userId)).toBe(true);
  });
});
