// `npm run demo` end to end: the SDK's real OTLP exporter → the server → the read API shows every
// story the dashboards rely on.
import { beforeAll, expect, it } from "vitest";
import { runDemo, type DemoSummary } from "../../scripts/demo/run-demo";
import { ORDERS_MCP_SERVER } from "../../scripts/demo/orders-mcp";
import type { GraphAnswer } from "@/lib/data/graph/pipeline-graph";
import type { ToolCallPage } from "@/lib/trace/tool-call-types";
import type { TraceSummary } from "@/lib/trace/types";
import { authHeaders, forEachDatabase, getTrace, listTraces } from "./support";

forEachDatabase((server) => {
  let summary: DemoSummary;
  let traces: TraceSummary[];
  let startedMs: number;
  beforeAll(async () => {
    startedMs = Date.now();
    summary = await runDemo({ url: server.baseUrl, apiKey: server.apiKey, traces: 12, days: 3, seed: 7, now: startedMs, log: () => undefined });
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

  it("runs a real MCP server: the map shows it with its tool, the audit lists its calls", async () => {
    const eligibility = (
      await Promise.all(
        summary.traceIds.map(async (id) => (await getTrace(server, id)).spans.filter((s) => s.kind === "tool" && s.toolName === "check_refund_eligibility")),
      )
    ).flat();
    // A client span (which names the server) and a server span per call: the map counts the call once.
    const calls = new Set(eligibility.map((s) => s.traceId)).size;
    expect(calls).toBeGreaterThan(0);
    expect(eligibility).toHaveLength(2 * calls);
    expect(eligibility.filter((s) => s.mcpServer === ORDERS_MCP_SERVER)).toHaveLength(calls);
    const range = { from: new Date(startedMs - 4 * 86_400_000).toISOString(), to: new Date(startedMs + 3_600_000).toISOString() };
    const response = await fetch(`${server.baseUrl}/api/v1/graph?${new URLSearchParams(range)}`, { headers: authHeaders(server) });
    expect(response.status).toBe(200);
    const { nodes, edges } = (await response.json()) as GraphAnswer;
    const mcp = `mcp_server:${ORDERS_MCP_SERVER}`;
    const tool = `${mcp}/tool:check_refund_eligibility`;
    expect(nodes.find((n) => n.id === mcp)).toMatchObject({ type: "mcp_server", name: ORDERS_MCP_SERVER, calls, errors: 0 });
    expect(nodes.find((n) => n.id === tool)).toMatchObject({ type: "tool", calls });
    expect(edges.find((e) => e.to === mcp)).toMatchObject({ from: "agent:refunds", type: "calls", count: calls });
    expect(edges.find((e) => e.to === tool)).toMatchObject({ from: mcp, type: "calls", count: calls });

    const audit = await fetch(`${server.baseUrl}/api/v1/tool-calls?${new URLSearchParams({ ...range, server: ORDERS_MCP_SERVER, limit: "500" })}`, {
      headers: authHeaders(server),
    });
    const page = (await audit.json()) as ToolCallPage;
    expect(page.data.length).toBeGreaterThanOrEqual(calls);
    expect(page.data.every((c) => c.toolName === "check_refund_eligibility" && c.effect === "read" && c.agentName === "refunds")).toBe(true);
  });
});
