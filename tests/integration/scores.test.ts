// Scores on SQLite and PostgreSQL: through the API (and its refusals, which store nothing), from
// OpenTelemetry evaluation events sent by the real exporters as span events and as log records that
// arrive before their span, score metrics exact per bucket and group, and the trace list's score filters.
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, forEachDatabase, listTraces, postOtlp } from "./support";
import { attrs, hex, nsAt, request, span } from "./support/otlp-json";
import { HOUR, iso, randomBaseHour } from "./support/metrics-seed";
import { listAllScores, listScores, postScore, scoreMetrics, sendEvaluatedRuns, type EvaluatedRun, type SentRun } from "./support/quality";

const PASS = new Set(["pass", "good", "correct", "true"]);
const passes = (s: { value?: number; label?: string }) => (s.label !== undefined ? PASS.has(s.label.toLowerCase()) : (s.value ?? 0) >= 0.5);

forEachDatabase((server) => {
  // Runs far from any other test file's data: two tasks, two agents, two models over three hours.
  const base = randomBaseHour();
  const plan: EvaluatedRun[] = [
    { name: "refund-flow", agent: "refunds", model: "gpt-4o-mini", startMs: base + 5 * 60_000, spanEvents: [{ name: "accuracy", value: 0.9 }] },
    {
      name: "refund-flow",
      agent: "refunds",
      model: "gpt-4o-mini",
      startMs: base + 20 * 60_000,
      logRecords: [{ name: "accuracy", value: 0.4, explanation: "wrong amount" }],
    },
    { name: "refund-flow", agent: "refunds", model: "gpt-4o", startMs: base + HOUR + 60_000, spanEvents: [{ name: "tone", label: "good" }] },
    { name: "triage", agent: "triage", model: "gpt-4o", startMs: base + HOUR + 30 * 60_000, logRecords: [{ name: "tone", label: "Bad" }] },
    { name: "triage", agent: "triage", model: "gpt-4o", startMs: base + 2 * HOUR + 60_000 },
    { name: "triage", agent: "triage", model: "gpt-4o-mini", startMs: base + 2 * HOUR + 40 * 60_000 },
  ];
  let runs: SentRun[];

  beforeAll(async () => {
    runs = await sendEvaluatedRuns(server, plan);
  });

  describe("OpenTelemetry evaluation events", () => {
    it("become scores with source otel on their span, from span events and from log records sent before the span", async () => {
      const scores = await listAllScores(server, { source: "otel", from: iso(Date.now() - HOUR) });
      for (const [i, run] of plan.entries()) {
        const expected = [...(run.spanEvents ?? []), ...(run.logRecords ?? [])];
        const got = scores.filter((s) => s.traceId === runs[i]!.traceId);
        expect(got).toHaveLength(expected.length);
        for (const e of expected) {
          const score = got.find((s) => s.name === e.name);
          expect(score, `${run.name} ${e.name}`).toMatchObject({
            spanId: runs[i]!.llmSpanId,
            value: e.value ?? null,
            label: e.label ?? null,
            comment: e.explanation ?? null,
            source: "otel",
          });
        }
      }
    });

    it("are stored once when the same span and log record are sent again", async () => {
      const traceId = hex(16);
      const spanId = hex(8);
      const evaluation = attrs({ "gen_ai.evaluation.name": "resent", "gen_ai.evaluation.score.value": 1 });
      const spans = request([
        { ...span(traceId, spanId, "", "resend-check", 0, 50), events: [{ name: "gen_ai.evaluation.result", timeUnixNano: nsAt(40), attributes: evaluation }] },
      ]);
      const logs = {
        resourceLogs: [
          {
            resource: { attributes: attrs({ "service.name": "quality-test" }) },
            scopeLogs: [
              {
                scope: { name: "t" },
                logRecords: [{ timeUnixNano: nsAt(45), eventName: "gen_ai.evaluation.result", traceId, spanId, attributes: evaluation }],
              },
            ],
          },
        ],
      };
      for (let i = 0; i < 2; i++) {
        expect((await postOtlp(server, JSON.stringify(logs), { "content-type": "application/json" }, "/v1/logs")).status).toBe(200);
        expect((await postOtlp(server, JSON.stringify(spans), { "content-type": "application/json" })).status).toBe(200);
      }
      const scores = await listAllScores(server, { traceId });
      expect(scores.map((s) => [s.name, s.value, s.spanId])).toEqual([
        ["resent", 1, spanId],
        ["resent", 1, spanId],
      ]);
    });
  });

  describe("POST /api/v1/scores", () => {
    it("records a score on a trace and on a span, lists and filters it", async () => {
      const traceId = runs[4]!.traceId;
      const created = await postScore(server, { traceId, name: "accuracy", value: 0.7, comment: "close" });
      expect(created.status).toBe(201);
      const score = await created.json();
      expect(score).toMatchObject({ traceId, spanId: null, name: "accuracy", value: 0.7, label: null, comment: "close", source: "api" });
      const onSpan = await postScore(server, { traceId: traceId.toUpperCase(), spanId: runs[4]!.llmSpanId, name: "helpful", label: "pass" });
      expect(onSpan.status).toBe(201);
      expect(await onSpan.json()).toMatchObject({ traceId, spanId: runs[4]!.llmSpanId, label: "pass", value: null });
      const listed = await listScores(server, { traceId });
      expect(listed.data.map((s) => s.name).sort()).toEqual(["accuracy", "helpful"]);
      expect((await listScores(server, { traceId, name: "helpful", source: "api" })).data).toHaveLength(1);
      expect((await listScores(server, { traceId, source: "review" })).data).toHaveLength(0);
    });

    it("pages newest first with a cursor", async () => {
      const traceId = runs[5]!.traceId;
      for (const value of [0.1, 0.2, 0.3]) expect((await postScore(server, { traceId, name: "paged", value })).status).toBe(201);
      const first = await listScores(server, { traceId, limit: "2" });
      expect(first.data).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      const second = await listScores(server, { traceId, limit: "2", cursor: first.nextCursor! });
      expect(second.nextCursor).toBeNull();
      const ids = [...first.data, ...second.data].map((s) => s.id);
      expect(new Set(ids).size).toBe(3);
    });

    it("refuses bad input with a 400 naming the field, and stores nothing", async () => {
      const traceId = runs[5]!.traceId;
      const before = (await listAllScores(server, { traceId })).length;
      const cases: [unknown, string][] = [
        [{ traceId: "0".repeat(31) + "1", name: "accuracy", value: 1 }, "traceId"],
        [{ traceId, spanId: "00000000000000aa", name: "accuracy", value: 1 }, "spanId"],
        [{ traceId, name: "accuracy", value: "0.5" }, "value"],
        [{ traceId, name: "accuracy", value: null }, "value"],
        [{ traceId, name: "accuracy" }, "value"],
        [{ traceId, name: "", value: 1 }, "name"],
        [{ traceId, name: "accuracy", value: 1, source: "review" }, "source"],
        [{ traceId: "xyz", name: "accuracy", value: 1 }, "traceId"],
      ];
      for (const [body, parameter] of cases) {
        const response = await postScore(server, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        const answer = (await response.json()) as { error: string; parameter: string };
        expect(answer.parameter, JSON.stringify(body)).toBe(parameter);
        expect(answer.error).toContain(parameter);
      }
      // A value JSON can only spell as a number too large for a double, and a body that is not JSON.
      const huge = await fetch(`${server.baseUrl}/api/v1/scores`, {
        method: "POST",
        headers: { ...authHeaders(server), "content-type": "application/json" },
        body: `{"traceId":"${traceId}","name":"accuracy","value":1e400}`,
      });
      expect(huge.status).toBe(400);
      expect(await huge.json()).toMatchObject({ parameter: "value" });
      expect((await postScore(server, "not json")).status).toBe(400);
      expect((await listAllScores(server, { traceId })).length).toBe(before);
    });

    it("answers 400 for bad list parameters", async () => {
      for (const [query, parameter] of [
        ["source=robot", "source"],
        ["cursor=nope", "cursor"],
        ["limit=0", "limit"],
        ["color=red", "color"],
      ]) {
        const response = await fetch(`${server.baseUrl}/api/v1/scores?${query}`, { headers: authHeaders(server) });
        expect(response.status, query).toBe(400);
        expect(await response.json()).toMatchObject({ parameter });
      }
    });
  });

  describe("score metrics", () => {
    it("are exact per bucket and group for every groupBy", async () => {
      // Every score of this file's runs, with the trace it belongs to; API scores are placed at the trace's start.
      const all = await listAllScores(server, { from: iso(Date.now() - HOUR) });
      const mine = all.filter((s) => runs.some((r) => r.traceId === s.traceId));
      type Item = { name: string; value: number | null; pass: boolean; timeMs: number; task: string; agent: string; model: string };
      const items: Item[] = mine.map((s) => {
        const i = runs.findIndex((r) => r.traceId === s.traceId);
        const run = plan[i]!;
        // OpenTelemetry scores are placed at their event's time (startMs + 90 or + 95), API ones at the trace's start.
        const timeMs = s.source === "otel" ? run.startMs + 90 : run.startMs;
        return {
          name: s.name,
          value: s.value,
          pass: passes({ value: s.value ?? undefined, label: s.label ?? undefined }),
          timeMs,
          task: run.name,
          agent: run.agent,
          model: run.model,
        };
      });
      for (const bucket of ["1h", "1d"] as const) {
        const size = bucket === "1h" ? HOUR : 24 * HOUR;
        for (const groupBy of ["name", "task", "agent", "model"] as const) {
          const points = await scoreMetrics(server, { from: iso(base), to: iso(base + 3 * HOUR), bucket, groupBy });
          const expected = new Map<string, { count: number; values: number[]; passed: number }>();
          for (const item of items) {
            const group = groupBy === "name" ? item.name : item[groupBy];
            const key = `${new Date(Math.floor(item.timeMs / size) * size).toISOString()} ${group}`;
            const e = expected.get(key) ?? { count: 0, values: [], passed: 0 };
            e.count++;
            if (item.value !== null) e.values.push(item.value);
            if (item.pass) e.passed++;
            expected.set(key, e);
          }
          const got = new Map(points.map((p) => [`${p.bucketStart} ${p.group}`, p]));
          expect([...got.keys()].sort(), `${bucket} ${groupBy}`).toEqual([...expected.keys()].sort());
          for (const [key, e] of expected) {
            const p = got.get(key)!;
            expect(p.count, key).toBe(e.count);
            expect(p.passRate, key).toBeCloseTo(e.passed / e.count, 9);
            if (e.values.length === 0) expect(p.mean, key).toBeNull();
            else expect(p.mean!, key).toBeCloseTo(e.values.reduce((a, b) => a + b, 0) / e.values.length, 9);
          }
        }
      }
    });

    it("filters by name and refuses bad parameters", async () => {
      const points = await scoreMetrics(server, { from: iso(base), to: iso(base + 3 * HOUR), bucket: "1h", groupBy: "task", name: "tone" });
      expect(points.map((p) => [p.group, p.count, p.passRate])).toEqual([
        ["refund-flow", 1, 1],
        ["triage", 1, 0],
      ]);
      for (const [query, parameter] of [
        ["groupBy=user", "groupBy"],
        ["bucket=1m", "bucket"],
        ["from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z", "to"],
      ]) {
        const response = await fetch(`${server.baseUrl}/api/v1/metrics/scores?${query}`, { headers: authHeaders(server) });
        expect(response.status, query).toBe(400);
        expect(await response.json()).toMatchObject({ parameter });
      }
    });
  });

  describe("trace list score filters", () => {
    it("keep the traces with a score in range or with the label", async () => {
      const window = { from: iso(base), to: iso(base + 3 * HOUR) };
      const ids = async (params: Record<string, string>) => (await listTraces(server, { ...window, ...params })).data.map((t) => t.traceId).sort();
      expect(await ids({ "score.accuracy.min": "0.8" })).toEqual([runs[0]!.traceId]);
      expect(await ids({ "score.accuracy.max": "0.5" })).toEqual([runs[1]!.traceId]);
      expect(await ids({ "score.accuracy.min": "0.3", "score.accuracy.max": "0.8" })).toEqual([runs[1]!.traceId, runs[4]!.traceId].sort());
      expect(await ids({ "score.tone.label": "good" })).toEqual([runs[2]!.traceId]);
      expect(await ids({ "score.tone.label": "good", "score.accuracy.min": "0" })).toEqual([]);
      const bad = await fetch(`${server.baseUrl}/api/v1/traces?score.accuracy.min=abc`, { headers: authHeaders(server) });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ parameter: "score.accuracy.min" });
    });
  });

  describe("alert rules on scores", () => {
    const alerts = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}/api/v1/alerts${path}`, {
        method: "POST",
        headers: { ...authHeaders(server), "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    it("score_mean fires when a task's mean falls below the threshold; a rule without scoreName is refused", async () => {
      const task = `alert-task-${hex(3)}`;
      const traceId = hex(16);
      // NOW_NS (otlp-json) is the module's load time: the run starts within the rule's window.
      expect((await postOtlp(server, JSON.stringify(request([span(traceId, hex(8), "", task, 0, 50)])), { "content-type": "application/json" })).status).toBe(
        200,
      );
      for (const value of [0.3, 0.4]) expect((await postScore(server, { traceId, name: "alert_accuracy", value })).status).toBe(201);
      const refused = await alerts("/rules", { name: "no score", metric: "score_mean", threshold: 0.8 });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ parameter: "scoreName" });
      const rule = {
        name: `quality of ${task}`,
        metric: "score_mean",
        scoreName: "alert_accuracy",
        scope: "task",
        scopeValue: task,
        threshold: 0.8,
        enabled: false,
      };
      const created = await alerts("/rules", rule);
      expect(created.status).toBe(201);
      const { id, scoreName } = (await created.json()) as { id: string; scoreName: string };
      expect(scoreName).toBe("alert_accuracy");
      const fired = (await (await alerts(`/rules/${id}/evaluate`, {})).json()) as {
        transition: string;
        evaluation: { value: number; breached: boolean; runs: number };
      };
      expect(fired.transition).toBe("fire");
      expect(fired.evaluation).toMatchObject({ breached: true, runs: 2 });
      expect(fired.evaluation.value).toBeCloseTo(0.35, 9);
      const passRate = await alerts("/rules", { ...rule, name: `pass rate of ${task}`, metric: "score_pass_rate", threshold: 0.4 });
      const { id: passId } = (await passRate.json()) as { id: string };
      const passRateFired = (await (await alerts(`/rules/${passId}/evaluate`, {})).json()) as { transition: string; evaluation: { value: number } };
      expect(passRateFired.evaluation.value).toBe(0);
      expect(passRateFired.transition).toBe("fire");
    });
  });
});
