// GET /api/v1/drift end to end, on SQLite and PostgreSQL. Runs go in through the real OTLP exporter
// in a random hour years before "now" (names of their own): a task whose cost per run triples at a
// known hour when it switches models and starts retrying a failing tool, and a flat one. The API must
// find the change at that bucket, give the exact % changes, and say what changed before vs after.
import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { DriftAnswer } from "@/lib/data/analytics/drift";
import { authHeaders, forEachDatabase, type TestServer } from "./support";
import { exportTraces, HOUR, iso, MINUTE, randomBaseHour, type SeedSpan, type SeedTrace } from "./support/metrics-seed";

/** An LLM call with a reported cost (so the figures do not depend on the price table). */
const call = (model: string, costUsd: number, offsetMs: number): SeedSpan => ({
  name: `chat ${model}`,
  offsetMs,
  durationMs: 300,
  attributes: {
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": model,
    "gen_ai.usage.input_tokens": 1000,
    "gen_ai.usage.output_tokens": 100,
    "gen_ai.usage.cost": costUsd,
  },
});
const tool = (name: string, offsetMs: number, isError = false): SeedSpan => ({
  name: `execute_tool ${name}`,
  offsetMs,
  durationMs: 100,
  attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": name },
  isError,
});

type DriftBody = DriftAnswer & { error?: string; parameter?: string };

async function getDrift(
  server: TestServer,
  params: Record<string, string>,
  headers: Record<string, string> = authHeaders(server),
): Promise<{ status: number; body: DriftBody }> {
  const response = await fetch(`${server.baseUrl}/api/v1/drift?${new URLSearchParams(params)}`, { headers });
  return { status: response.status, body: await response.json() };
}

const CHANGE_HOUR = 14;
const SMALL = 0.002,
  LARGE = 0.006,
  FLAT = 0.001;

forEachDatabase((server) => {
  const run = randomBytes(4).toString("hex");
  const task = `drift-task-${run}`,
    flat = `drift-flat-${run}`,
    agent = `drift-agent-${run}`;
  const small = `small-${run}`,
    large = `large-${run}`;
  const base = randomBaseHour();
  const window = { from: iso(base), to: iso(base + 24 * HOUR), bucket: "1h" };

  beforeAll(async () => {
    const traces: SeedTrace[] = [];
    const root = { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": agent };
    for (let h = -24; h < 24; h++) {
      const changed = h >= CHANGE_HOUR;
      for (const minute of [10, 40]) {
        // After the change: the large model, and a failing lookup retried once.
        const children = changed ? [call(large, LARGE, 10), tool("lookup", 400, true), tool("lookup", 600)] : [call(small, SMALL, 10), tool("lookup", 400)];
        traces.push({ name: task, startMs: base + h * HOUR + minute * MINUTE, durationMs: 1000, attributes: root, children });
      }
      traces.push({ name: flat, startMs: base + h * HOUR + 20 * MINUTE, durationMs: 500, attributes: {}, children: [call(small, FLAT, 10)] });
    }
    await exportTraces(server, traces);
  });

  it("finds the step in cost per run at its hour, with the % change against both baselines", async () => {
    const { status, body } = await getDrift(server, { ...window, groupBy: "task", group: task });
    expect(status).toBe(200);
    expect(body.window).toEqual({ from: iso(base), to: iso(base + 24 * HOUR), bucket: "1h", groupBy: "task" });
    expect(body.baselines).toEqual({
      previous: { from: iso(base - 24 * HOUR), to: iso(base) },
      trailing7d: { from: iso(base - 7 * 24 * HOUR), to: iso(base) },
    });
    expect(body.data).toHaveLength(1);
    const report = body.data[0]!;
    const costPerRun = (28 * SMALL + 20 * LARGE) / 48;
    expect(report.current).toMatchObject({ runs: 48, toolCallsPerRun: (28 + 40) / 48, tokensPerCall: 1100, errorRate: 20 / 48 });
    expect(report.current.costPerRunUsd).toBeCloseTo(costPerRun, 12);
    expect(report.previous).toMatchObject({ runs: 48, change: { costPerRunPct: 83.33, p95Pct: 0 } });
    expect(report.previous.costPerRunUsd).toBeCloseTo(SMALL, 12);
    // Only the day before has data in the trailing week: the same figures.
    expect(report.trailing7d).toMatchObject({ runs: 48, change: { costPerRunPct: 83.33 } });
    expect(report.changePoints.costPerRun).toMatchObject({ bucketStart: iso(base + CHANGE_HOUR * HOUR), index: CHANGE_HOUR, direction: "up", changePct: 200 });
    expect(report.changePoints.costPerRun?.levelBefore).toBeCloseTo(SMALL, 12);
    expect(report.changePoints.costPerRun?.levelAfter).toBeCloseTo(LARGE, 12);
    expect(report.changePoints.p95Ms).toBeNull(); // durations never changed
    expect(report.series).toHaveLength(24);
    expect(report.series[CHANGE_HOUR - 1]).toMatchObject({ bucketStart: iso(base + (CHANGE_HOUR - 1) * HOUR), runs: 2, errorRate: 0 });
    expect(report.series[CHANGE_HOUR]).toMatchObject({ bucketStart: iso(base + CHANGE_HOUR * HOUR), runs: 2, errorRate: 1 });
    expect(report.series[CHANGE_HOUR]?.costPerRunUsd).toBeCloseTo(LARGE, 12);
  });

  it("says what changed before vs after the change point: model, tool calls, errors, retries", async () => {
    const { body } = await getDrift(server, { ...window, groupBy: "task", group: task });
    const { basis, before, after } = body.data[0]!.whatChanged;
    expect(basis).toBe("changePoint");
    expect(before).toMatchObject({
      from: iso(base - 24 * HOUR),
      to: iso(base + CHANGE_HOUR * HOUR),
      runs: 76,
      sampledRuns: 76,
      modelMix: [{ model: small, calls: 76, share: 1 }],
      tokensPerCall: 1100,
      toolCallsPerRun: 1,
      errorRate: 0,
      retriesPerRun: 0,
    });
    expect(after).toMatchObject({
      from: iso(base + CHANGE_HOUR * HOUR),
      to: iso(base + 24 * HOUR),
      runs: 20,
      sampledRuns: 20,
      modelMix: [{ model: large, calls: 20, share: 1 }],
      tokensPerCall: 1100,
      toolCallsPerRun: 2,
      errorRate: 1,
      retriesPerRun: 1,
    });
    expect(before.costPerRunUsd).toBeCloseTo(SMALL, 12);
    expect(after.costPerRunUsd).toBeCloseTo(LARGE, 12);
  });

  it("lists every task of the window, most expensive first; a flat task has no change point", async () => {
    const { body } = await getDrift(server, { ...window, groupBy: "task" });
    const mine = body.data.filter((r) => r.group === task || r.group === flat);
    expect(mine.map((r) => r.group)).toEqual([task, flat]);
    expect(mine[1]).toMatchObject({
      current: { runs: 24, p95Ms: expect.any(Number) },
      previous: { runs: 24, change: { costPerRunPct: 0, p95Pct: 0, errorRatePct: null } },
      changePoints: { costPerRun: null, p95Ms: null },
      whatChanged: { basis: "baseline", before: { from: iso(base - 24 * HOUR), to: iso(base) }, after: { from: iso(base), to: iso(base + 24 * HOUR) } },
    });
  });

  it("groups by agent the same way, and by day", async () => {
    const { body } = await getDrift(server, { ...window, groupBy: "agent", group: agent });
    expect(body.data.map((r) => [r.group, r.current.runs, r.changePoints.costPerRun?.index])).toEqual([[agent, 48, CHANGE_HOUR]]);
    const daily = await getDrift(server, { from: iso(base), to: iso(base + HOUR), bucket: "1d", group: task });
    expect(daily.status).toBe(200);
    expect(daily.body.data[0]?.series).toHaveLength(1);
  });

  it.each([
    [{ groupBy: "model" }, "groupBy"],
    [{ bucket: "5m" }, "bucket"],
    [{ from: "yesterday" }, "from"],
    [{ limit: "3" }, "limit"],
  ])("answers 400 naming the parameter for %o", async (params, parameter) => {
    const { status, body } = await getDrift(server, params);
    expect(status).toBe(400);
    expect(body.parameter).toBe(parameter);
  });

  it("answers 401 without a key", async () => {
    expect((await getDrift(server, {}, {})).status).toBe(401);
  });
});
