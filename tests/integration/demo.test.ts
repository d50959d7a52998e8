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

  it("plants what a retro needs: a tool loop, a rate-limited run and a run five times its task's usual cost", async () => {
    const analysed = async (filter: Record<string, string>) =>
      (await listTraces(server, { from: "2000-01-01T00:00:00Z", ...filter })).data.filter((t) => summary.traceIds.includes(t.traceId));
    await expect.poll(async () => (await analysed({ finding: "tool_loop" })).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const [loop] = await analysed({ finding: "tool_loop" });
    const findings = ((await getTrace(server, loop!.traceId)) as unknown as { findings: { type: string; toolName?: string; count: number }[] }).findings;
    expect(findings.find((f) => f.type === "tool_loop")).toMatchObject({ toolName: "web_search" });
    expect(findings.find((f) => f.type === "tool_loop")!.count).toBeGreaterThanOrEqual(12);
    await expect.poll(async () => (await analysed({ failureMode: "provider_rate_limit" })).length, { timeout: 20_000 }).toBe(1);
    const support = traces.filter((t) => t.name.includes("support-triage") && t.costUsd !== null).map((t) => t.costUsd!);
    const sorted = [...support].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(sorted.at(-1)! / median, `most expensive ${sorted.at(-1)} vs median ${median}`).toBeGreaterThanOrEqual(4.5);
  });

  it("groups multi-turn runs by session and filters by user", async () => {
    const session = traces.find((t) => t.sessionId && traces.filter((o) => o.sessionId === t.sessionId).length > 1)!;
    const page = await listTraces(server, { sessionId: session.sessionId! });
    expect(page.data.length).toBe(traces.filter((t) => t.sessionId === session.sessionId).length);
    expect((await listTraces(server, { userId: session.userId! })).data.every((t) => t.userId === session.userId)).toBe(true);
  });
});
