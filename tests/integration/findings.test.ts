// Findings end to end on SQLite and PostgreSQL: runs sent through the real OTLP exporter with planted tool
// loops (one split across requests, its spans arriving before their parent and out of time order),
// agent hand-off cycles, repeated LLM calls and retried-then-succeeded errors; the findings job analyses
// them and the API shows the exact findings, wasted time and cost, the trace list's finding filters, and
// the findings metrics (exact after a trace's findings changed). Failure modes: failure-modes.test.ts.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@/lib/retro";
import { forEachDatabase, listTraces, type TestServer } from "./support";
import { HOUR } from "./support/metrics-seed";
import { expectFindings, findingsMetrics, summaryOf, usd, type FindingsPoint } from "./support/retro-api";
import { agent, chat, sendRun, tool, type RunNode, type SentRun } from "./support/retro-seed";

/** A whole hour in 2020–2023: far from the other files' data, so its buckets hold only this file's runs. */
const BASE = Date.UTC(2020, 0, 1) + randomInt(0, 3 * 365) * 24 * HOUR + randomInt(0, 20) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

// The same arguments written four ways (key order, spacing): one canonical value.
const ARGUMENTS = ['{"id":"A-1","verbose":false}', '{ "verbose": false, "id": "A-1" }', '{"verbose":false,"id":"A-1"}', '{"id": "A-1", "verbose": false}'];

/** `calls` rounds of an LLM call (0.125 USD, 200 ms) asking for lookup_order with the same arguments. */
function loopChildren(calls: number): RunNode[] {
  return Array.from({ length: calls }, (_, i) => [
    chat(`c${i}`, i * 1000, 200, 0.125),
    tool(`t${i}`, "lookup_order", i * 1000 + 300, 100 + i * 10, ARGUMENTS[i % ARGUMENTS.length]),
  ]).flat();
}

const loopRun = (task: string, calls: number) => agent("root", "support", 0, calls * 1000 + 500, loopChildren(calls), { name: task });

/** The tool loop of calls `from`..`to` (inclusive) of a loop run: the first is free, every later one and its asking call are waste. */
function expectedLoop(ids: Record<string, string>, from: number, to: number, agents?: string[]): Finding {
  const calls = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const repeats = calls.slice(1);
  return {
    type: "tool_loop",
    spanIds: calls.map((i) => ids[`t${i}`]!),
    count: calls.length,
    wastedMs: repeats.reduce((sum, i) => sum + 100 + i * 10 + 200, 0),
    wastedCostUsd: usd(repeats.length * 0.125),
    toolName: "lookup_order",
    ...(agents ? { agents } : {}),
  };
}

forEachDatabase((server: TestServer) => {
  const runs: Record<string, SentRun> = {};
  let split: SentRun;

  beforeAll(async () => {
    runs.loop = await sendRun(server, BASE + 1000, loopRun("order-lookup", 5));
    runs.cycle = await sendRun(server, BASE + 60_000, {
      label: "root",
      name: "handoff-run",
      at: 0,
      durationMs: 4500,
      children: [
        agent("a1", "triage", 0, 1000, [chat("ca1", 100, 300, 0.25)]),
        agent("b1", "billing", 1000, 1000, [chat("cb1", 1100, 300, 0.25)]),
        agent("a2", "triage", 2000, 1000, [chat("ca2", 2100, 300, 0.25)]),
        agent("b2", "billing", 3000, 1000, [chat("cb2", 3100, 300, 0.25)]),
      ],
    });
    runs.repeat = await sendRun(
      server,
      BASE + 120_000,
      agent(
        "root",
        "writer",
        0,
        2000,
        [0, 500, 1000].map((at, i) => chat(`r${i}`, at, 300, 0.25, "Summarise ticket T-9 in one line")),
        { name: "summarise" },
      ),
    );
    runs.retryThenFail = await sendRun(
      server,
      BASE + 180_000,
      agent(
        "root",
        "billing",
        0,
        1000,
        [
          chat("c0", 0, 100, 0.125, "charge", {
            error: "Rate limit reached",
            exception: { type: "RateLimitError", message: "429 Rate limit reached for gpt-4o-mini" },
          }),
          chat("c1", 200, 100, 0.125, "charge"),
          tool("t0", "charge_card", 400, 50, { card: "tok_1" }, { error: "card declined", exception: { type: "CardDeclinedError", message: "card declined" } }),
        ],
        { name: "charge", error: "billing failed" },
      ),
    );
    runs.retriedOk = await sendRun(
      server,
      BASE + 240_000,
      agent(
        "root",
        "billing",
        0,
        1000,
        [
          chat("c0", 0, 100, 0.125, "charge", { error: "Rate limit reached", exception: { type: "RateLimitError", message: "429 Rate limit reached" } }),
          chat("c1", 200, 100, 0.125, "charge"),
        ],
        { name: "charge-ok" },
      ),
    );
  });

  it("finds a tool loop: the calls, their count, and every repeat with its asking LLM call as waste", async () => {
    const { loop } = runs;
    await expectFindings(server, loop!.traceId, [expectedLoop(loop!.spanIds, 0, 4, ["support"])]);
    const trace = await summaryOf(server, loop!.traceId);
    expect(trace.findingCounts).toEqual({ tool_loop: 1, agent_cycle: 0, repeated_llm_call: 0, failure: 0 });
    expect(trace.failureMode).toBeNull();
  });

  it("keeps a loop right as its earlier calls and its parent arrive late, in other requests", async () => {
    split = await sendRun(server, BASE + 300_000, loopRun("split-lookup", 5), {
      // Calls 2–4 first, out of time order and without their parent; then calls 1 and 0; the root last.
      deliveries: [
        ["t3", "c4", "t4", "c2", "t2", "c3"],
        ["t1", "c1"],
        ["c0", "t0"],
      ],
      onDelivered: async (group, run) => {
        // Orphans of a root not yet arrived: a loop of 3 without an owning agent, then of 4.
        if (group === 0) await expectFindings(server, run.traceId, [expectedLoop(run.spanIds, 2, 4)]);
        if (group === 1) await expectFindings(server, run.traceId, [expectedLoop(run.spanIds, 1, 4)]);
      },
    });
    // With the rest: five calls, the first one now the free one, waste recomputed, the root's agent known.
    await expectFindings(server, split.traceId, [expectedLoop(split.spanIds, 0, 4, ["support"])]);
    expect((await summaryOf(server, split.traceId)).name).toBe("split-lookup");
  });

  it("finds an agent hand-off cycle: rounds, agents, and the later rounds' agent spans as waste", async () => {
    const { spanIds, traceId } = runs.cycle!;
    await expectFindings(server, traceId, [
      {
        type: "agent_cycle",
        spanIds: ["a1", "b1", "a2", "b2"].map((l) => spanIds[l]!),
        count: 2,
        wastedMs: 2000,
        wastedCostUsd: 0.5,
        agents: ["triage", "billing"],
      },
    ]);
  });

  it("finds repeated identical LLM calls", async () => {
    const { spanIds, traceId } = runs.repeat!;
    await expectFindings(server, traceId, [
      { type: "repeated_llm_call", spanIds: ["r0", "r1", "r2"].map((l) => spanIds[l]!), count: 3, wastedMs: 600, wastedCostUsd: 0.5, agents: ["writer"] },
    ]);
  });

  it("takes the first unhandled error as the failure: a retried-then-succeeded error is not it", async () => {
    const { spanIds, traceId } = runs.retryThenFail!;
    await expectFindings(server, traceId, [
      {
        type: "failure",
        spanIds: [spanIds.t0!],
        count: 1,
        wastedMs: 0,
        wastedCostUsd: 0,
        failureMode: "tool_error",
        message: "card declined",
        toolName: "charge_card",
        agents: ["billing"],
      },
    ]);
    expect((await summaryOf(server, traceId)).failureMode).toBe("tool_error");
    // A run whose only error was retried successfully has no failure, though one of its spans errored.
    await expect.poll(() => summaryOf(server, runs.retriedOk!.traceId).then((t) => t.errorCount)).toBe(1);
    await expectFindings(server, runs.retriedOk!.traceId, []);
    expect((await summaryOf(server, runs.retriedOk!.traceId)).failureMode).toBeNull();
  });

  // The tests above waited for every run's final findings.
  describe("once analysed", () => {
    it("filters the trace list by finding type and failure mode", async () => {
      const window = { from: iso(BASE), to: iso(BASE + HOUR) };
      const ids = async (params: Record<string, string>) => (await listTraces(server, { ...window, ...params })).data.map((t) => t.traceId).sort();
      await expect.poll(() => ids({ finding: "tool_loop" })).toEqual([runs.loop!.traceId, split.traceId].sort());
      expect(await ids({ finding: "agent_cycle" })).toEqual([runs.cycle!.traceId]);
      expect(await ids({ finding: "repeated_llm_call" })).toEqual([runs.repeat!.traceId]);
      expect(await ids({ finding: "failure" })).toEqual([runs.retryThenFail!.traceId]);
      expect(await ids({ failureMode: "tool_error" })).toEqual([runs.retryThenFail!.traceId]);
      expect(await ids({ failureMode: "provider_rate_limit" })).toEqual([]);
      const bad = await fetch(`${server.baseUrl}/api/v1/traces?finding=loop`, { headers: { authorization: `Bearer ${server.apiKey}` } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { parameter: string }).parameter).toBe("finding");
    });

    it("charts findings by type, task, tool and failure mode, exactly (a re-analysed trace counted once)", async () => {
      const hour = { from: iso(BASE), to: iso(BASE + HOUR), bucket: "1h" };
      const point = (group: string, traces: number, occurrences: number, wastedMs: number, wastedCostUsd: number | null): FindingsPoint => ({
        bucketStart: iso(BASE),
        group,
        traces,
        occurrences,
        wastedMs,
        wastedCostUsd,
      });
      const loops = point("tool_loop", 2, 2, 2600, 1);
      await expect
        .poll(() => findingsMetrics(server, { ...hour, groupBy: "type" }))
        .toEqual([point("agent_cycle", 1, 1, 2000, 0.5), point("failure", 1, 1, 0, 0), point("repeated_llm_call", 1, 1, 600, 0.5), loops]);
      // The split run's earlier analyses (named after its earliest span while its root was missing) left nothing behind.
      expect(await findingsMetrics(server, { ...hour, groupBy: "task" })).toEqual([
        point("charge", 1, 1, 0, 0),
        point("handoff-run", 1, 1, 2000, 0.5),
        point("order-lookup", 1, 1, 1300, 0.5),
        point("split-lookup", 1, 1, 1300, 0.5),
        point("summarise", 1, 1, 600, 0.5),
      ]);
      expect(await findingsMetrics(server, { ...hour, groupBy: "tool" })).toEqual([point("charge_card", 1, 1, 0, 0), point("lookup_order", 2, 2, 2600, 1)]);
      expect(await findingsMetrics(server, { ...hour, groupBy: "failureMode" })).toEqual([point("tool_error", 1, 1, 0, 0)]);
      const byAgent = await findingsMetrics(server, { ...hour, groupBy: "agent" });
      expect(byAgent.find((p) => p.group === "support")).toEqual(point("support", 2, 2, 2600, 1));
      const days = await findingsMetrics(server, { from: iso(BASE), to: iso(BASE + HOUR), bucket: "1d", groupBy: "type" });
      expect(days.find((p) => p.group === "tool_loop")).toMatchObject({ traces: 2, occurrences: 2, wastedCostUsd: 1 });
    });

    it("answers 400 naming a bad metrics parameter", async () => {
      const response = await fetch(`${server.baseUrl}/api/v1/metrics/findings?groupBy=model`, { headers: { authorization: `Bearer ${server.apiKey}` } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { parameter: string }).parameter).toBe("groupBy");
    });
  });
});
