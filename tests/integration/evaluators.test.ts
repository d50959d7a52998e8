// Online evaluators end to end, on SQLite and PostgreSQL, in a project of their own (so their evaluators
// see only this file's runs): runs go in through the real OTLP exporter; each rule kind scores a passing
// and a failing run; a span target scores each span; an answer sent as a GenAI log record is read like one
// on the span; sampling takes exactly the runs the pure hash picks; the filter leaves other runs alone; a
// backfill scores a past range once, however often it is asked, and two servers score each run once; an
// LLM judge against a local OpenAI-compatible mock scores, traces its own calls with their cost, stops at
// its daily cap, and records a 500 or an unreadable answer as a failure, never a score. Bad bodies answer
// 400 naming the field and store nothing.
import { randomBytes } from "node:crypto";
import { ROOT_CONTEXT, trace, type Attributes } from "@opentelemetry/api";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { beforeAll, describe, expect, it } from "vitest";
import { isSampled } from "@/lib/quality/evaluator-sampling";
import type { EvaluatorView } from "@/lib/quality/evaluator-types";
import type { Score } from "@/lib/quality/score-types";
import { openPostgres } from "@/lib/db/postgres";
import { startHindsight } from "../support/hindsight-server";
import { signIn } from "../support/sign-in";
import { forEachDatabase, listTraces, postOtlp, type TestServer } from "./support";
import { hex, request, span } from "./support/otlp-json";
import { exportTraces, randomBaseHour, MINUTE, type SeedSpan } from "./support/metrics-seed";
import { startJudgeMock } from "./support/judge-mock";
import { listAllScores } from "./support/quality";

const json = { "content-type": "application/json" };

type Answer<T> = { status: number; body: T & { error?: string; parameter?: string } };

async function call<T>(server: TestServer, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.apiKey}`, ...(body === undefined ? {} : json) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answer<T>["body"]) : ({} as Answer<T>["body"]) };
}

/** Polls until `done` holds (the evaluators run in the background), then returns the last value. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const llm = (output: string, inputTokens = 10, outputTokens = 10): Attributes => ({
  "gen_ai.operation.name": "chat",
  "gen_ai.request.model": "gpt-4o-mini",
  "gen_ai.usage.input_tokens": inputTokens,
  "gen_ai.usage.output_tokens": outputTokens,
  "output.value": output,
});
const tool = (name: string): SeedSpan => ({
  name: `execute_tool ${name}`,
  offsetMs: 10,
  durationMs: 20,
  attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": name },
});

type Run = { output?: string; durationMs?: number; children?: SeedSpan[] };

/**
 * Sends one run per answer (an agent span → an LLM span without output attributes) through the real OTLP
 * exporters, each LLM call's answer only as a `gen_ai.choice` log record in its context, exported first.
 */
async function sendAnswersAsLogs(server: TestServer, name: string, answers: string[]): Promise<string[]> {
  const headers = { authorization: `Bearer ${server.apiKey}` };
  const resource = resourceFromAttributes({ "service.name": "evaluator-logs-test" });
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${server.baseUrl}/v1/traces`, headers }))],
  });
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [new SimpleLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${server.baseUrl}/v1/logs`, headers }) })],
  });
  const tracer = tracerProvider.getTracer("evaluator-logs-test");
  const logger = loggerProvider.getLogger("evaluator-logs-test");
  const runs = answers.map((answer) => {
    const root = tracer.startSpan(name, { attributes: { "gen_ai.operation.name": "invoke_agent" } });
    const llmSpan = tracer.startSpan(
      "chat gpt-4o-mini",
      { attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini" } },
      trace.setSpan(ROOT_CONTEXT, root),
    );
    logger.emit({
      eventName: "gen_ai.choice",
      context: trace.setSpan(ROOT_CONTEXT, llmSpan),
      body: { index: 0, finish_reason: "stop", message: { role: "assistant", content: answer } },
    });
    return { root, llmSpan };
  });
  await loggerProvider.forceFlush();
  for (const { root, llmSpan } of runs) {
    llmSpan.end();
    root.end();
  }
  await tracerProvider.shutdown();
  await loggerProvider.shutdown();
  return runs.map(({ root }) => root.spanContext().traceId);
}

forEachDatabase((base) => {
  const tag = randomBytes(4).toString("hex");
  let server: TestServer = base;
  const baseHour = randomBaseHour();
  let sent = 0;

  /** Sends runs named `name` (outputs on the root), returns their trace ids in the order given. */
  async function send(name: string, runs: Run[]): Promise<string[]> {
    const first = sent;
    sent += runs.length;
    await exportTraces(
      server,
      runs.map((run, i) => ({
        name,
        startMs: baseHour + (first + i) * MINUTE,
        durationMs: run.durationMs ?? 500,
        attributes: { "input.value": `question ${tag}`, ...(run.output === undefined ? {} : { "output.value": run.output }) },
        children: run.children ?? [],
      })),
    );
    const listed = await waitFor(
      () => listTraces(server, { name, limit: 500, sort: "time", order: "asc" }),
      (page) => page.data.length === runs.length,
      `traces ${name}`,
    );
    return listed.data.map((t) => t.traceId);
  }

  const create = (body: Record<string, unknown>) => call<EvaluatorView>(server, "POST", "/api/v1/evaluators", body);
  const evaluatorScores = (traceId: string) => listAllScores(server, { traceId, source: "evaluator" });
  const scoresOf = async (evaluator: EvaluatorView, traceIds: string[]) =>
    (await Promise.all(traceIds.map(evaluatorScores))).flat().filter((s) => s.name === evaluator.scoreName);

  beforeAll(async () => {
    const cookie = await signIn(base.baseUrl, base.admin.email, base.admin.password);
    const slug = `evals-${tag}`;
    const headers = { cookie, origin: base.baseUrl, ...json };
    expect((await fetch(`${base.baseUrl}/api/v1/projects`, { method: "POST", headers, body: JSON.stringify({ name: "Evaluators", slug }) })).status).toBe(201);
    const key = await fetch(`${base.baseUrl}/api/v1/projects/${slug}/api-keys`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "all", scopes: ["ingest", "read", "write", "admin"] }),
    });
    server = { ...base, apiKey: ((await key.json()) as { key: string }).key };
  });

  describe("validation", () => {
    it("answers 400 naming the field and stores nothing", async () => {
      const rule = { name: `bad-${tag}`, scoreName: "s", type: "rule" };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...rule, rule: { kind: "regex", value: "(" } }, "rule.value"],
        [{ ...rule, rule: { kind: "regex", value: "(a+)+$" } }, "rule.value"],
        [{ ...rule, rule: { kind: "json_schema", value: { type: "no-such-type" } } }, "rule.value"],
        [{ ...rule, rule: { kind: "sentiment", value: 1 } }, "rule.kind"],
        [{ ...rule, rule: { kind: "no_error" }, sampleRate: 1.5 }, "sampleRate"],
        [{ ...rule, rule: { kind: "no_error" }, sampleRate: -0.1 }, "sampleRate"],
        [{ ...rule, rule: { kind: "no_error" }, filter: { status: "maybe" } }, "filter.status"],
        [{ ...rule, rule: { kind: "max_cost_usd", value: "cheap" } }, "rule.value"],
        [{ ...rule, target: "everything", rule: { kind: "no_error" } }, "target"],
        [{ ...rule }, "rule"],
        [{ ...rule, type: "llm_judge", judge: { model: "gpt-4o-mini", prompt: "Is {{input}} fine?" } }, "judge.prompt"],
        [{ ...rule, rule: { kind: "no_error" }, colour: "red" }, "colour"],
      ];
      for (const [body, parameter] of cases) {
        const answer = await create(body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.parameter, JSON.stringify(body)).toBe(parameter);
        expect(answer.body.error).toContain(parameter);
      }
      const list = await call<{ data: EvaluatorView[] }>(server, "GET", "/api/v1/evaluators");
      expect(list.body.data.filter((e) => e.name === `bad-${tag}`)).toEqual([]);
    });

    it("creates, reads, changes, disables and deletes, writing the audit log", async () => {
      const created = await create({
        name: `crud-${tag}`,
        scoreName: "crud",
        type: "rule",
        rule: { kind: "contains", value: "x" },
        filter: { name: `none-${tag}` },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        target: "trace",
        sampleRate: 1,
        enabled: true,
        failureCount: 0,
        lastError: null,
        lastBackfill: null,
        rule: { kind: "contains", value: "x" },
      });
      const patched = await call<EvaluatorView>(server, "PATCH", `/api/v1/evaluators/${created.body.id}`, { enabled: false, sampleRate: 0.25 });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ enabled: false, sampleRate: 0.25, name: `crud-${tag}` });
      const badPatch = await call<EvaluatorView>(server, "PATCH", `/api/v1/evaluators/${created.body.id}`, { rule: { kind: "regex", value: "[" } });
      expect(badPatch.status).toBe(400);
      expect((await call<EvaluatorView>(server, "GET", `/api/v1/evaluators/${created.body.id}`)).body.rule).toEqual({ kind: "contains", value: "x" });
      expect((await call(server, "DELETE", `/api/v1/evaluators/${created.body.id}`)).status).toBe(204);
      expect((await call(server, "GET", `/api/v1/evaluators/${created.body.id}`)).status).toBe(404);
      const slug = `evals-${tag}`;
      const log = await call<{ data: { action: string; target: string }[] }>(server, "GET", `/api/v1/projects/${slug}/audit-log`);
      const actions = log.body.data.filter((e) => e.target === created.body.id).map((e) => e.action);
      expect(actions.sort()).toEqual(["evaluator.create", "evaluator.delete", "evaluator.update"]);
    });
  });

  describe("rules", () => {
    const cost = [{ name: "chat", offsetMs: 10, durationMs: 100, attributes: llm("ok") }];
    const costly = [{ name: "chat", offsetMs: 10, durationMs: 100, attributes: llm("ok", 2_000_000, 10) }];
    const kinds: { kind: string; rule: Record<string, unknown>; pass: Run; fail: Run }[] = [
      { kind: "regex", rule: { kind: "regex", value: "order #\\d{3}\\b" }, pass: { output: "order #123 shipped" }, fail: { output: "order #12x" } },
      { kind: "contains", rule: { kind: "contains", value: "refund" }, pass: { output: "a refund was issued" }, fail: { output: "denied" } },
      {
        kind: "json_schema",
        rule: { kind: "json_schema", value: { type: "object", required: ["amount"], properties: { amount: { type: "number" } } } },
        pass: { output: '{"amount": 12.5}' },
        fail: { output: '{"amount": "twelve"}' },
      },
      { kind: "max_cost_usd", rule: { kind: "max_cost_usd", value: 0.01 }, pass: { output: "x", children: cost }, fail: { output: "x", children: costly } },
      {
        kind: "max_duration_ms",
        rule: { kind: "max_duration_ms", value: 1000 },
        pass: { output: "x", durationMs: 400 },
        fail: { output: "x", durationMs: 4000 },
      },
      {
        kind: "max_tool_calls",
        rule: { kind: "max_tool_calls", value: 1 },
        pass: { output: "x", children: [tool("a")] },
        fail: { output: "x", children: [tool("a"), tool("b"), tool("c")] },
      },
      {
        kind: "no_error",
        rule: { kind: "no_error" },
        pass: { output: "x", children: [tool("a")] },
        fail: { output: "x", children: [{ ...tool("a"), isError: true }] },
      },
      {
        kind: "no_findings",
        rule: { kind: "no_findings" },
        pass: { output: "x", children: [tool("a")] },
        fail: { output: "x", children: [{ ...tool("a"), isError: true }] },
      },
    ];

    it("scores each kind 1 (pass) on a passing run and 0 (fail) on a failing one, and nothing else", async () => {
      const setups = await Promise.all(
        kinds.map(async ({ kind, rule }) => {
          const name = `rule-${kind}-${tag}`;
          const evaluator = await create({ name: `eval-${kind}-${tag}`, scoreName: `rule_${kind}`, type: "rule", rule, filter: { name } });
          expect(evaluator.status, JSON.stringify(evaluator.body)).toBe(201);
          return { name, evaluator: evaluator.body };
        }),
      );
      const traces = await Promise.all(kinds.map(({ pass, fail }, i) => send(setups[i]!.name, [pass, fail])));
      for (const [i, { kind }] of kinds.entries()) {
        const [passId, failId] = traces[i]!;
        const { evaluator } = setups[i]!;
        const scores = await waitFor(
          () => scoresOf(evaluator, [passId!, failId!]),
          (s) => s.length >= 2,
          `${kind} scores`,
        );
        const byTrace = new Map(scores.map((s) => [s.traceId, s]));
        expect(byTrace.get(passId!), kind).toMatchObject({ value: 1, label: "pass", source: "evaluator", author: evaluator.name, spanId: null });
        expect(byTrace.get(failId!), kind).toMatchObject({ value: 0, label: "fail", source: "evaluator" });
        expect(scores, kind).toHaveLength(2);
      }
      // The filter: no evaluator scored another kind's runs.
      const all = (await Promise.all(traces.flat().map(evaluatorScores))).flat();
      expect(all).toHaveLength(kinds.length * 2);
    });

    it("scores each LLM span of a run with a span target", async () => {
      const name = `spans-${tag}`;
      const evaluator = (
        await create({
          name: `eval-spans-${tag}`,
          scoreName: "says_yes",
          type: "rule",
          target: "llm_span",
          rule: { kind: "contains", value: "yes" },
          filter: { name },
        })
      ).body;
      const [traceId] = await send(name, [
        {
          output: "done",
          children: [
            { name: "first", offsetMs: 10, durationMs: 50, attributes: llm("yes, shipped") },
            { name: "second", offsetMs: 100, durationMs: 50, attributes: llm("no idea") },
            tool("lookup"),
          ],
        },
      ]);
      const scores = await waitFor(
        () => scoresOf(evaluator, [traceId!]),
        (s) => s.length >= 2,
        "span scores",
      );
      const spans = (await call<{ spans: { spanId: string; name: string }[] }>(server, "GET", `/api/v1/traces/${traceId}`)).body.spans;
      const nameOf = (spanId: string | null) => spans.find((s) => s.spanId === spanId)?.name;
      expect(scores.map((s) => [nameOf(s.spanId), s.label]).sort()).toEqual([
        ["first", "pass"],
        ["second", "fail"],
      ]);
    });

    it("reads a call's answer sent as a GenAI log record (gen_ai.choice) rather than on its span", async () => {
      const name = `logs-${tag}`;
      const evaluator = (
        await create({
          name: `eval-logs-${tag}`,
          scoreName: "logged_refund",
          type: "rule",
          target: "llm_span",
          rule: { kind: "contains", value: "refund" },
          filter: { name },
        })
      ).body;
      const traceIds = await sendAnswersAsLogs(server, name, ["a refund of 12 was issued", "request denied"]);
      await waitFor(
        () => listTraces(server, { name, limit: 10 }),
        (page) => page.data.length === 2,
        "log-answered traces",
      );
      const scores = await waitFor(
        () => scoresOf(evaluator, traceIds),
        (s) => s.length >= 2,
        "scores of answers sent as logs",
      );
      expect(scores.find((s) => s.traceId === traceIds[0])).toMatchObject({ label: "pass" });
      expect(scores.find((s) => s.traceId === traceIds[1])).toMatchObject({ label: "fail" });
    });

    it("reads a run's answer for a text rule on the whole run: the root's output, else the last LLM call's, also from a log record", async () => {
      const name = `answer-${tag}`;
      const evaluator = (
        await create({ name: `eval-answer-${tag}`, scoreName: "answer_refund", type: "rule", rule: { kind: "contains", value: "refund" }, filter: { name } })
      ).body;
      const early = (output: string) => ({ name: "early", offsetMs: 10, durationMs: 50, attributes: llm(output) });
      const late = (output: string) => ({ name: "late", offsetMs: 100, durationMs: 50, attributes: llm(output) });
      const ids = await send(name, [
        { output: "a refund was issued", children: [late("denied")] },
        { children: [early("a refund was issued"), late("denied")] },
        { children: [early("denied"), late("a refund was issued")] },
      ]);
      const logged = await sendAnswersAsLogs(server, name, ["refund sent", "no"]);
      const all = [...ids, ...logged];
      const scores = await waitFor(
        () => scoresOf(evaluator, all),
        (s) => s.length >= all.length,
        "answer scores",
      );
      expect(all.map((id) => scores.find((s) => s.traceId === id)?.label)).toEqual(["pass", "fail", "pass", "pass", "fail"]);
    });

    it("samples by the hash of the evaluator and the trace: exactly the runs it picks", async () => {
      const name = `sample-${tag}`;
      const evaluator = (
        await create({ name: `eval-sample-${tag}`, scoreName: "sampled", type: "rule", sampleRate: 0.5, rule: { kind: "no_error" }, filter: { name } })
      ).body;
      // Takes every run: once it scored a run, the sampled evaluator (created first) has run on it too.
      const all = (await create({ name: `eval-all-${tag}`, scoreName: "all_runs", type: "rule", rule: { kind: "no_error" }, filter: { name } })).body;
      const ids = await send(
        name,
        Array.from({ length: 16 }, () => ({ output: "x" })),
      );
      const picked = ids.filter((id) => isSampled(evaluator.id, id, 0.5));
      expect(picked.length).toBeGreaterThan(0);
      expect(picked.length).toBeLessThan(ids.length);
      await waitFor(
        () => scoresOf(all, ids),
        (s) => s.length === ids.length,
        "every run scored",
      );
      const scored = (await scoresOf(evaluator, ids)).map((s) => s.traceId);
      expect(scored.sort()).toEqual([...picked].sort());
    });
  });
  describe("backfill", () => {
    it("scores the runs that started in the range once, however often it is asked, and shows its progress", async () => {
      const name = `backfill-${tag}`;
      const ids = await send(
        name,
        Array.from({ length: 6 }, () => ({ output: "fine" })),
      );
      const traces = (await listTraces(server, { name, limit: 10, sort: "time", order: "asc" })).data;
      // Disabled: only the backfill runs it. The range leaves the last run out.
      const evaluator = (
        await create({
          name: `eval-backfill-${tag}`,
          scoreName: "backfilled",
          type: "rule",
          enabled: false,
          rule: { kind: "contains", value: "fine" },
          filter: { name },
        })
      ).body;
      const range = { from: traces[0]!.startTime, to: traces[5]!.startTime };
      const bad = await call(server, "POST", `/api/v1/evaluators/${evaluator.id}/backfill`, { from: range.to, to: range.from });
      expect([bad.status, bad.body.parameter]).toEqual([400, "to"]);
      for (let round = 0; round < 2; round++) {
        const accepted = await call<{ jobId: string; total: number }>(server, "POST", `/api/v1/evaluators/${evaluator.id}/backfill`, range);
        expect(accepted.status).toBe(202);
        expect(accepted.body.total).toBe(5);
        const view = await waitFor(
          () => call<EvaluatorView>(server, "GET", `/api/v1/evaluators/${evaluator.id}`),
          (v) => v.body.lastBackfill?.jobId === accepted.body.jobId && v.body.lastBackfill.state === "done",
          "backfill done",
        );
        expect(view.body.lastBackfill).toMatchObject({ done: 5, total: 5 });
        const scores = await scoresOf(evaluator, ids);
        expect(scores.map((s) => s.traceId).sort()).toEqual(ids.slice(0, 5).sort());
      }
    });
  });

  describe("LLM judge", () => {
    const judge = (labels: string[] | null) => ({
      model: "gpt-4o-mini",
      prompt: "Does this answer help? {{output}} (asked: {{input}})",
      ...(labels ? { labels } : {}),
    });

    it("scores from the judge's answer and traces its calls, priced, under the service hindsight-evaluator", async () => {
      const name = `judge-${tag}`;
      const evaluator = (await create({ name: `eval-judge-${tag}`, scoreName: "helpful", type: "llm_judge", judge: judge(["good", "bad"]), filter: { name } }))
        .body;
      const numeric = (
        await create({
          name: `eval-judge-num-${tag}`,
          scoreName: "helpful_num",
          type: "llm_judge",
          judge: { ...judge(null), range: [0, 10] },
          filter: { name },
        })
      ).body;
      const ids = await send(name, [{ output: `JUDGE-GOOD JUDGE-SCORE-7 ${tag}` }, { output: `meh ${tag}` }]);
      const scores = await waitFor(
        () => scoresOf(evaluator, ids),
        (s) => s.length === 2,
        "judge scores",
      );
      expect(scores.find((s) => s.traceId === ids[0])).toMatchObject({ label: "good", comment: "says what was asked", source: "evaluator" });
      expect(scores.find((s) => s.traceId === ids[1])).toMatchObject({ label: "bad" });
      const numbers = await waitFor(
        () => scoresOf(numeric, ids),
        (s) => s.length === 2,
        "numeric judge scores",
      );
      expect(numbers.find((s) => s.traceId === ids[0])).toMatchObject({ value: 7, label: null });
      expect(numbers.find((s) => s.traceId === ids[1])).toMatchObject({ value: 0 });
      // Its own calls: traces of the service hindsight-evaluator whose prompt holds the judged output.
      const own = await waitFor(
        async () => (await listTraces(server, { q: `JUDGE-GOOD JUDGE-SCORE-7 ${tag}`, limit: 50 })).data.filter((t) => t.serviceName === "hindsight-evaluator"),
        (t) => t.length === 2,
        "judge traces",
      );
      // 1000 input and 100 output tokens of gpt-4o-mini.
      for (const t of own) expect(t.costUsd).toBeCloseTo((1000 * 0.15 + 100 * 0.6) / 1e6, 10);
      const view = (await call<EvaluatorView>(server, "GET", `/api/v1/evaluators/${evaluator.id}`)).body;
      expect(view.costTodayUsd).toBeGreaterThan(0);
      expect(view.failureCount).toBe(0);
    });

    it("stops for the day at its cost cap", async () => {
      const name = `judge-cap-${tag}`;
      const evaluator = (
        await create({
          name: `eval-cap-${tag}`,
          scoreName: "capped",
          type: "llm_judge",
          judge: judge(["good", "bad"]),
          maxCostUsdPerDay: 0.0001,
          filter: { name },
        })
      ).body;
      const marker = (await create({ name: `eval-cap-all-${tag}`, scoreName: "cap_marker", type: "rule", rule: { kind: "no_error" }, filter: { name } })).body;
      const ids = await send(name, [{ output: "one" }, { output: "two" }, { output: "three" }]);
      await waitFor(
        () => scoresOf(marker, ids),
        (s) => s.length === 3,
        "every capped run seen",
      );
      expect(await scoresOf(evaluator, ids)).toHaveLength(1);
      const view = (await call<EvaluatorView>(server, "GET", `/api/v1/evaluators/${evaluator.id}`)).body;
      expect(view.costTodayUsd).toBeGreaterThanOrEqual(0.0001);
    });

    it("records a 500 and an unreadable answer as failures on the evaluator, never as scores, and does not call again", async () => {
      const name = `judge-fail-${tag}`;
      const evaluator = (await create({ name: `eval-fail-${tag}`, scoreName: "never", type: "llm_judge", judge: judge(["good", "bad"]), filter: { name } }))
        .body;
      const marker = (await create({ name: `eval-fail-all-${tag}`, scoreName: "fail_marker", type: "rule", rule: { kind: "no_error" }, filter: { name } }))
        .body;
      const ids = await send(name, [{ output: "JUDGE-500" }, { output: "JUDGE-GARBAGE" }]);
      await waitFor(
        () => scoresOf(marker, ids),
        (s) => s.length === 2,
        "failed runs seen",
      );
      const view = (await call<EvaluatorView>(server, "GET", `/api/v1/evaluators/${evaluator.id}`)).body;
      expect(view.failureCount).toBe(2);
      expect(view.lastError).toMatch(/HTTP 500|no label/);
      expect(await scoresOf(evaluator, ids)).toEqual([] as Score[]);
      // A backfill over the same runs does not call the judge again: their runs are recorded as failed.
      const traces = (await listTraces(server, { name, limit: 10, sort: "time", order: "asc" })).data;
      const to = new Date(Date.parse(traces[1]!.startTime) + 1).toISOString();
      const job = await call<{ jobId: string }>(server, "POST", `/api/v1/evaluators/${evaluator.id}/backfill`, { from: traces[0]!.startTime, to });
      await waitFor(
        () => call<EvaluatorView>(server, "GET", `/api/v1/evaluators/${evaluator.id}`),
        (v) => v.body.lastBackfill?.jobId === job.body.jobId && v.body.lastBackfill.state === "done",
        "backfill done",
      );
      expect((await call<EvaluatorView>(server, "GET", `/api/v1/evaluators/${evaluator.id}`)).body.failureCount).toBe(2);
    });
  });
  describe("trace deletion", () => {
    it("takes the run records with the trace: the same trace sent again is evaluated again", async () => {
      const name = `deleted-${tag}`;
      const evaluator = (
        await create({ name: `eval-deleted-${tag}`, scoreName: "deleted", type: "rule", rule: { kind: "contains", value: "x" }, filter: { name } })
      ).body;
      const traceId = hex(16);
      const body = JSON.stringify(request([span(traceId, hex(8), "", name, -5000, -4000, { "output.value": "x" })]));
      const sendIt = async () => expect((await postOtlp(server, body, json)).status).toBe(200);
      await sendIt();
      await waitFor(
        () => scoresOf(evaluator, [traceId]),
        (s) => s.length === 1,
        "first score",
      );
      expect((await call(server, "DELETE", `/api/v1/traces/${traceId}`)).status).toBe(204);
      expect(await scoresOf(evaluator, [traceId])).toEqual([]);
      await sendIt();
      // Had its run record stayed, the trace would count as evaluated and never be scored again.
      const again = await waitFor(
        () => scoresOf(evaluator, [traceId]),
        (s) => s.length === 1,
        "score after re-sending",
      );
      expect(again[0]).toMatchObject({ label: "pass" });
    });
  });

  describe("exactly once", () => {
    // Two servers on one PostgreSQL database both evaluate new runs, and each backfills the same range at
    // the same time: every run still gets one score per evaluator, and an LLM judge is called once per run.
    it.runIf(base.name === "postgres")("scores each run once per evaluator with two servers and two backfills racing", { timeout: 120_000 }, async () => {
      const judgeMock = await startJudgeMock();
      const other = await startHindsight({
        database: "postgres",
        databaseUrl: base.databaseUrl,
        apiKey: null,
        env: { HINDSIGHT_EVAL_SETTLE_SECONDS: "1", HINDSIGHT_JUDGE_BASE_URL: judgeMock.baseURL },
      });
      const sql = openPostgres(base.databaseUrl, 2);
      try {
        const name = `race-${tag}`;
        const first = (
          await create({ name: `eval-race-a-${tag}`, scoreName: "race_a", type: "rule", rule: { kind: "contains", value: "x" }, filter: { name } })
        ).body;
        const second = (await create({ name: `eval-race-b-${tag}`, scoreName: "race_b", type: "rule", rule: { kind: "no_error" }, filter: { name } })).body;
        const judged = (
          await create({
            name: `eval-race-judge-${tag}`,
            scoreName: "race_judge",
            type: "llm_judge",
            judge: { model: "gpt-4o-mini", prompt: "Helpful? {{output}}", labels: ["good", "bad"] },
            filter: { name },
          })
        ).body;
        const marker = `race-${tag}`;
        const ids = await send(
          name,
          Array.from({ length: 30 }, (_, i) => ({ output: `${i % 2 ? "x" : "y"} ${marker}` })),
        );
        const traces = (await listTraces(server, { name, limit: 50, sort: "time", order: "asc" })).data;
        const range = { from: traces[0]!.startTime, to: new Date(Date.parse(traces.at(-1)!.startTime) + 1).toISOString() };
        const backfill = (node: string, id: string) =>
          fetch(`${node}/api/v1/evaluators/${id}/backfill`, {
            method: "POST",
            headers: { authorization: `Bearer ${server.apiKey}`, ...json },
            body: JSON.stringify(range),
          });
        const answers = await Promise.all([
          backfill(server.baseUrl, first.id),
          backfill(other.baseUrl, first.id),
          backfill(server.baseUrl, second.id),
          backfill(other.baseUrl, second.id),
        ]);
        expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
        await waitFor(
          async () =>
            Number(
              (
                await sql.query(`SELECT count(*) AS "n" FROM "evaluator_backfills" WHERE "evaluatorId" IN (?, ?) AND "state" <> 'done'`, [first.id, second.id])
              )[0]?.n,
            ),
          (n) => n === 0,
          "backfills done",
        );
        await waitFor(
          () => scoresOf(second, ids),
          (s) => s.length >= ids.length,
          "every run scored",
        );
        await waitFor(
          () => scoresOf(judged, ids),
          (s) => s.length >= ids.length,
          "every run judged",
        );
        const scores = (await Promise.all(ids.map(evaluatorScores))).flat();
        for (const evaluator of [first, second, judged]) {
          const mine = scores.filter((s) => s.name === evaluator.scoreName).map((s) => s.traceId);
          expect(mine.sort(), evaluator.scoreName).toEqual([...ids].sort());
        }
        // The judge's own calls are traced: one per run, whichever server made it.
        const calls = (await listTraces(server, { q: marker, limit: 200 })).data.filter((t) => t.serviceName === "hindsight-evaluator");
        expect(calls).toHaveLength(ids.length);
      } finally {
        await sql.close();
        await other.stop();
        await judgeMock.close();
      }
    });
  });
});
