// The analytics API end to end, on SQLite and PostgreSQL: traces with known timestamps, durations,
// models and tokens go in through the real OTLP exporter (OTLP/JSON where the arrival order is the
// point); the metrics endpoints must answer exact counts, costs and tokens and percentiles within 1 %
// per bucket and group, follow late spans and price changes, and never count a re-sent span twice.
// Every test works in its own random hour years before "now", with names of its own.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, forEachDatabase, listTraces, postOtlp } from "./support";
import { expectLatency, exportTraces, fetchMetrics, getPoints, HOUR, iso, MINUTE, randomBaseHour, spanAt, type SeedTrace } from "./support/metrics-seed";
import { hex, request } from "./support/otlp-json";

const json = { "content-type": "application/json" };
const chat = (model: string, input: number, output: number) => ({
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": model,
  "gen_ai.usage.input_tokens": input,
  "gen_ai.usage.output_tokens": output,
});
/** gpt-4o-mini at $0.15 / $0.60 per million tokens; each seeded run makes 1,500 input and 150 output tokens. */
const RUN_COST = (1500 * 0.15 + 150 * 0.6) / 1e6;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// Seeded runs: 40 per hour for two hours, one per minute; run i of hour h lasts rootMs(h, i).
const rootMs = (h: number, i: number) => 200 + 50 * i + 1000 * h;
const toolMs = (i: number) => 20 + i;
const chatMs = (i: number) => [100 + 7 * i, 50 + 2 * i];

function seedRuns(run: string, base: number): SeedTrace[] {
  const agent = { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": `agent-${run}` };
  const traces = [0, 1].flatMap((h) =>
    range(40).map((i) => ({
      name: `task-${run}`,
      startMs: base + h * HOUR + i * MINUTE,
      durationMs: rootMs(h, i),
      attributes: { ...agent, "user.id": `user-${run}-${h}`, "session.id": `sess-${run}-${i % 4}` },
      children: [
        { name: "chat gpt-4o-mini", offsetMs: 5, durationMs: chatMs(i)[0]!, attributes: chat("gpt-4o-mini", 1000, 100) },
        {
          name: "execute_tool",
          offsetMs: 110 + 7 * i,
          durationMs: toolMs(i),
          attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": `lookup-${run}` },
          isError: i % 10 === 0,
        },
        { name: "chat gpt-4o-mini", offsetMs: 140 + 8 * i, durationMs: chatMs(i)[1]!, attributes: chat("gpt-4o-mini", 500, 50) },
      ],
    })),
  );
  // Starts exactly at the end of the queried range: `to` is exclusive.
  return [...traces, { name: `task-${run}`, startMs: base + 2 * HOUR, durationMs: 999, attributes: agent, children: [] }];
}

forEachDatabase((server) => {
  describe("seeded through the OTLP exporter", () => {
    const run = randomBytes(4).toString("hex");
    const base = randomBaseHour();
    const hours = { from: iso(base), to: iso(base + 2 * HOUR) };

    beforeAll(async () => {
      await exportTraces(server, seedRuns(run, base));
      expect((await listTraces(server, { name: `task-${run}`, limit: 500 })).data).toHaveLength(81);
    });

    it.each(["name", "agent"])("groups whole traces by %s: count and percentiles per hour", async (groupBy) => {
      const points = await getPoints(server, "latency", { ...hours, bucket: "1h", groupBy }, `${groupBy === "name" ? "task" : "agent"}-${run}`);
      expect(points.map((p) => p.bucketStart)).toEqual([iso(base), iso(base + HOUR)]);
      for (const h of [0, 1])
        expectLatency(
          points[h],
          range(40).map((i) => rootMs(h, i)),
        );
    });

    it("groups tool spans per 5-minute bucket (merged from minute rows)", async () => {
      const points = await getPoints(server, "latency", { ...hours, bucket: "5m", groupBy: "tool" }, `lookup-${run}`);
      expect(points).toHaveLength(16);
      for (const [n, point] of points.entries()) {
        const h = Math.floor(n / 8),
          first = (n % 8) * 5;
        expect(point.bucketStart).toBe(iso(base + h * HOUR + first * MINUTE));
        expectLatency(
          point,
          range(5).map((k) => toolMs(first + k)),
        );
      }
    });

    it("groups LLM calls by model and every span by kind", async () => {
      const [model] = await getPoints(server, "latency", { ...hours, bucket: "1h", groupBy: "model" }, "gpt-4o-mini");
      expectLatency(model, range(40).flatMap(chatMs));
      const minute = { from: iso(base + 7 * MINUTE), to: iso(base + 8 * MINUTE), bucket: "1m", groupBy: "kind" };
      expectLatency((await getPoints(server, "latency", minute, "agent"))[0], [rootMs(0, 7)]);
      expectLatency((await getPoints(server, "latency", minute, "llm"))[0], chatMs(7));
      expectLatency((await getPoints(server, "latency", { ...hours, bucket: "1h", groupBy: "kind" }, "tool"))[1], range(40).map(toolMs));
    });

    it("counts whole buckets: a day bucket holds the run starting at `to` too", async () => {
      const [day] = await getPoints(server, "latency", { ...hours, bucket: "1d", groupBy: "name" }, `task-${run}`);
      expectLatency(day, [...range(40).map((i) => rootMs(0, i)), ...range(40).map((i) => rootMs(1, i)), 999]);
      const after = await getPoints(server, "latency", { from: iso(base + 2 * HOUR), to: iso(base + 3 * HOUR), bucket: "1h", groupBy: "name" }, `task-${run}`);
      expect(after.map((p) => [p.bucketStart, p.count, p.maxMs])).toEqual([[iso(base + 2 * HOUR), 1, 999]]);
    });

    it.each([
      ["task", `task-${run}`, [40, 40]],
      ["agent", `agent-${run}`, [40, 40]],
      ["model", "gpt-4o-mini", [40, 40]], // distinct traces, though each makes two calls
      ["user", `user-${run}-1`, [0, 40]],
    ] as const)("sums cost and tokens per hour by %s", async (groupBy, group, traces) => {
      const points = await getPoints(server, "cost", { ...hours, bucket: "1h", groupBy }, group);
      const expected = [0, 1].filter((h) => traces[h]! > 0).map((h) => [iso(base + h * HOUR), traces[h], traces[h]! * 1500, traces[h]! * 150]);
      expect(points.map((p) => [p.bucketStart, p.traces, p.inputTokens, p.outputTokens])).toEqual(expected);
      for (const p of points) {
        expect(p.costUsd).toBeCloseTo(p.traces * RUN_COST, 12);
        expect(p.costPerTraceUsd).toBeCloseTo(RUN_COST, 12);
      }
    });

    it("sums sessions per day", async () => {
      const points = await getPoints(server, "cost", { ...hours, bucket: "1d", groupBy: "session" }, `sess-${run}-3`);
      expect(points.map((p) => [p.traces, p.inputTokens])).toEqual([[20, 20 * 1500]]);
    });
  });

  it("moves a trace to its late root's name and start bucket", async () => {
    const base = randomBaseHour(),
      run = hex(4),
      traceId = hex(16),
      rootId = hex(8);
    const child = spanAt(traceId, hex(8), rootId, `early-${run}`, base + HOUR + 10 * MINUTE, 500, chat("gpt-4o-mini", 1000, 100));
    const root = spanAt(traceId, rootId, "", `late-root-${run}`, base + 50 * MINUTE, 30 * MINUTE);
    const window = { from: iso(base), to: iso(base + 2 * HOUR), bucket: "1h" };
    const names = async (endpoint: "latency" | "cost", groupBy: string) => {
      const { body } = await fetchMetrics(server, endpoint, { ...window, groupBy });
      return (body as { data: { group: string; bucketStart: string }[] }).data.filter((p) => p.group.endsWith(run)).map((p) => [p.group, p.bucketStart]);
    };

    expect((await postOtlp(server, JSON.stringify(request([child])), json)).status).toBe(200);
    expect(await names("latency", "name")).toEqual([[`early-${run}`, iso(base + HOUR)]]);
    expect((await postOtlp(server, JSON.stringify(request([root])), json)).status).toBe(200);
    expect(await names("latency", "name")).toEqual([[`late-root-${run}`, iso(base)]]);
    expect(await names("cost", "task")).toEqual([[`late-root-${run}`, iso(base)]]);
    expectLatency((await getPoints(server, "latency", { ...window, groupBy: "name" }, `late-root-${run}`))[0], [30 * MINUTE]);
    const [cost] = await getPoints(server, "cost", { ...window, groupBy: "task" }, `late-root-${run}`);
    expect(cost).toMatchObject({ traces: 1, inputTokens: 1000, outputTokens: 100 });
    expect(cost!.costUsd).toBeCloseTo((1000 * 0.15 + 100 * 0.6) / 1e6, 12);
    // The LLM call itself still starts in the second hour.
    expect((await getPoints(server, "latency", { ...window, groupBy: "model" }, "gpt-4o-mini")).map((p) => [p.bucketStart, p.count])).toEqual([
      [iso(base + HOUR), 1],
    ]);
  });

  it("counts a re-sent span once", async () => {
    const base = randomBaseHour(),
      run = hex(4),
      traceId = hex(16),
      rootId = hex(8);
    const tool = (start: number) =>
      spanAt(traceId, hex(8), rootId, "execute_tool", base + start, 40, { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": `fetch-${run}` });
    const spans = [
      spanAt(traceId, rootId, "", `resend-${run}`, base, 1000),
      spanAt(traceId, hex(8), rootId, "chat", base + 10, 300, chat("gpt-4o-mini", 1000, 100)),
      tool(400),
    ];
    for (let i = 0; i < 3; i++) expect((await postOtlp(server, JSON.stringify(request(spans)), json)).status).toBe(200);
    expect((await postOtlp(server, JSON.stringify(request([...spans, tool(500)])), json)).status).toBe(200);
    const window = { from: iso(base), to: iso(base + HOUR), bucket: "1h" };
    expect((await getPoints(server, "latency", { ...window, groupBy: "tool" }, `fetch-${run}`)).map((p) => p.count)).toEqual([2]);
    expect((await getPoints(server, "latency", { ...window, groupBy: "name" }, `resend-${run}`)).map((p) => p.count)).toEqual([1]);
    expect((await getPoints(server, "cost", { ...window, groupBy: "task" }, `resend-${run}`)).map((p) => [p.traces, p.inputTokens])).toEqual([[1, 1000]]);
  });

  it("follows price overrides in the cost rollups", async () => {
    const base = randomBaseHour(),
      run = hex(4),
      model = `metrics-llm-${run}`,
      traceId = hex(16),
      rootId = hex(8);
    const spans = [spanAt(traceId, rootId, "", `priced-${run}`, base, 1000), spanAt(traceId, hex(8), rootId, "chat", base + 10, 300, chat(model, 2000, 500))];
    expect((await postOtlp(server, JSON.stringify(request(spans)), json)).status).toBe(200);
    const window = { from: iso(base), to: iso(base + HOUR), bucket: "1h" };
    const costs = async () => [
      (await getPoints(server, "cost", { ...window, groupBy: "task" }, `priced-${run}`))[0]?.costUsd,
      (await getPoints(server, "cost", { ...window, groupBy: "model" }, model))[0]?.costUsd,
    ];
    const setPrice = (method: "PUT" | "DELETE", body?: object) =>
      fetch(`${server.baseUrl}/api/v1/prices/${model}`, { method, body: body && JSON.stringify(body), headers: { ...authHeaders(server), ...json } });

    expect(await costs()).toEqual([0, 0]); // unpriced: counted, at no cost
    expect((await setPrice("PUT", { inputPerMTokUsd: 1, outputPerMTokUsd: 4 })).status).toBe(200);
    for (const cost of await costs()) expect(cost).toBeCloseTo(0.004, 12);
    expect((await setPrice("PUT", { inputPerMTokUsd: 2, outputPerMTokUsd: 8 })).status).toBe(200);
    for (const cost of await costs()) expect(cost).toBeCloseTo(0.008, 12);
    expect((await setPrice("DELETE")).status).toBe(200);
    expect(await costs()).toEqual([0, 0]);
  });

  it.each([
    ["latency", { groupBy: "task" }, "groupBy"],
    ["cost", { groupBy: "kind" }, "groupBy"],
    ["cost", { bucket: "1m" }, "bucket"],
    ["latency", { from: "last tuesday" }, "from"],
    ["latency", { from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" }, "to"],
    ["latency", { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z", bucket: "1m" }, "bucket"],
    ["cost", { limit: 10 }, "limit"],
  ] as const)("answers 400 naming the parameter: %s %j", async (endpoint, params, parameter) => {
    const { status, body } = await fetchMetrics(server, endpoint, params);
    expect(status).toBe(400);
    expect(body).toMatchObject({ parameter, error: expect.stringContaining(`${parameter}:`) });
  });

  it("answers 401 without a key", async () => {
    for (const endpoint of ["latency", "cost"] as const) expect((await fetchMetrics(server, endpoint, {}, {})).status).toBe(401);
  });
});
