// Critical path and trace diff through the API on SQLite and PostgreSQL, with runs sent through the real
// OTLP exporter: a parallel tree with a known path (overlapping children, a child that outlives its
// parent), two runs of one task differing by a model swap, changed arguments and an added step, and the
// baseline: the most similar successful run of the task in the 7 days before.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { DiffStep, StepRef } from "@/lib/retro";
import { forEachDatabase, type TestServer } from "./support";
import { HOUR } from "./support/metrics-seed";
import { criticalPathOf, diffOf, summaryOf } from "./support/retro-api";
import { agent, chat, sendRun, tool, type RunNode, type SentRun } from "./support/retro-seed";

const BASE = Date.UTC(2025, 0, 1) + randomInt(0, 300) * 24 * HOUR + randomInt(0, 12) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const ZERO = { durationMs: 0, costUsd: 0, inputTokens: 0, outputTokens: 0, llmCalls: 0, toolCalls: 0 };

/** An LLM call of another model (same operation, so the same step). */
const chatWith = (model: string, label: string, at: number, durationMs: number, costUsd: number, prompt: string): RunNode => {
  const node = chat(label, at, durationMs, costUsd, prompt);
  return { ...node, name: `chat ${model}`, attributes: { ...node.attributes, "gen_ai.request.model": model } };
};

/** A research run: plan, search, (fetch,) summarise. `variant` b swaps the plan's model, changes the query and adds a fetch. */
function researchRun(variant: "a" | "b", extra: Partial<RunNode> = {}): RunNode {
  const children =
    variant === "a"
      ? [chat("plan", 0, 500, 0.01, "plan"), tool("search", "web_search", 600, 400, { q: "fines" }), chat("summary", 1100, 500, 0.01, "summarise")]
      : [
          chatWith("gpt-4o", "plan", 0, 500, 0.05, "plan"),
          tool("search", "web_search", 600, 600, { q: "fines 2025" }),
          tool("fetch", "fetch_page", 1300, 300, { url: "https://example.org/a" }),
          chat("summary", 1700, 500, 0.01, "summarise"),
        ];
  return agent("root", "researcher", 0, variant === "a" ? 3000 : 4000, children, { name: "research-task", ...extra });
}

forEachDatabase((server: TestServer) => {
  describe("critical path", () => {
    let run: SentRun;
    beforeAll(async () => {
      run = await sendRun(
        server,
        BASE,
        agent("root", "cp", 0, 1000, [
          tool("A", "prefetch", 0, 400, {}),
          tool("B", "research", 100, 800, {}, { children: [chat("G", 100, 750, 0.01)] }),
          chat("C", 900, 100, 0.01, "answer", { children: [tool("D", "log_result", 950, 250, {})] }),
        ]),
      );
    });

    it("is the chain that ended the trace: parallel work off it, a child that outlives its parent cut at the parent's end", async () => {
      await expect.poll(() => summaryOf(server, run.traceId).then((t) => t.spanCount)).toBe(6);
      const { status, body } = await criticalPathOf(server, run.traceId);
      expect(status).toBe(200);
      const id = run.spanIds;
      expect(body.segments).toEqual([
        { spanId: id.root, startTime: iso(BASE), endTime: iso(BASE + 1000), selfMs: 100 },
        { spanId: id.B, startTime: iso(BASE + 100), endTime: iso(BASE + 900), selfMs: 50 },
        { spanId: id.G, startTime: iso(BASE + 100), endTime: iso(BASE + 850), selfMs: 750 },
        { spanId: id.C, startTime: iso(BASE + 900), endTime: iso(BASE + 1000), selfMs: 50 },
        { spanId: id.D, startTime: iso(BASE + 950), endTime: iso(BASE + 1000), selfMs: 50 },
      ]);
      expect(body.totalMs).toBe(1000);
      expect(body.byKind).toEqual({ agent: 100, llm: 800, tool: 100, retriever: 0, embedding: 0, chain: 0, guardrail: 0, approval: 0, other: 0 });
    });

    it("answers 404 for an unknown trace and 400 for a malformed id", async () => {
      expect((await criticalPathOf(server, "0".repeat(32))).status).toBe(404);
      expect((await criticalPathOf(server, "not-a-trace")).status).toBe(400);
    });
  });

  describe("diff", () => {
    const runs: Record<string, SentRun> = {};
    beforeAll(async () => {
      runs.a = await sendRun(server, BASE + 2 * HOUR, researchRun("a"));
      runs.similar = await sendRun(server, BASE + 2 * HOUR + 20 * 60_000, researchRun("b"));
      runs.failed = await sendRun(server, BASE + 2 * HOUR + 40 * 60_000, researchRun("b", { error: "gave up" }));
      runs.b = await sendRun(server, BASE + 3 * HOUR, researchRun("b"));
    });

    it("aligns the steps: a model swap and new arguments are changes, a new call is added, with per-step and total deltas", async () => {
      await expect.poll(() => summaryOf(server, runs.b!.traceId).then((t) => t.spanCount)).toBe(5);
      const { status, body } = await diffOf(server, runs.a!.traceId, runs.b!.traceId);
      expect(status).toBe(200);
      expect(body.a.traceId).toBe(runs.a!.traceId);
      expect(body.b.traceId).toBe(runs.b!.traceId);
      expect(body.totals).toEqual({ durationMs: 1000, costUsd: 0.04, inputTokens: 0, outputTokens: 0, llmCalls: 0, toolCalls: 1 });
      const a = runs.a!.spanIds;
      const b = runs.b!.spanIds;
      const ref = (spanId: string, name: string, kind: StepRef["kind"], rest: Partial<StepRef> = {}): StepRef => ({
        spanId,
        name,
        kind,
        toolName: null,
        agentName: null,
        model: null,
        ...rest,
      });
      const expected: DiffStep[] = [
        {
          status: "same",
          a: ref(a.root!, "research-task", "agent", { agentName: "researcher" }),
          b: ref(b.root!, "research-task", "agent", { agentName: "researcher" }),
          deltas: { ...ZERO, durationMs: 1000 },
          changed: [],
        },
        {
          status: "changed",
          a: ref(a.plan!, "chat gpt-4o-mini", "llm", { model: "gpt-4o-mini" }),
          b: ref(b.plan!, "chat gpt-4o", "llm", { model: "gpt-4o" }),
          deltas: { ...ZERO, costUsd: 0.04 },
          changed: ["model"],
        },
        {
          status: "changed",
          a: ref(a.search!, "execute_tool web_search", "tool", { toolName: "web_search" }),
          b: ref(b.search!, "execute_tool web_search", "tool", { toolName: "web_search" }),
          deltas: { ...ZERO, durationMs: 200 },
          changed: ["arguments"],
        },
        {
          status: "added",
          a: null,
          b: ref(b.fetch!, "execute_tool fetch_page", "tool", { toolName: "fetch_page" }),
          deltas: { ...ZERO, durationMs: 300, toolCalls: 1 },
          changed: [],
        },
        {
          status: "same",
          a: ref(a.summary!, "chat gpt-4o-mini", "llm", { model: "gpt-4o-mini" }),
          b: ref(b.summary!, "chat gpt-4o-mini", "llm", { model: "gpt-4o-mini" }),
          deltas: ZERO,
          changed: [],
        },
      ];
      expect(body.steps).toEqual(expected);
    });

    it("compares with the baseline: the most similar successful run of the task in the 7 days before", async () => {
      // The identical run that failed is not a baseline; the identical successful one beats the older, different one.
      await expect.poll(async () => (await diffOf(server, runs.b!.traceId, "baseline")).body.b?.traceId, { timeout: 20_000 }).toBe(runs.similar!.traceId);
      const { body } = await diffOf(server, runs.b!.traceId, "baseline");
      expect(body.steps.every((step) => step.status === "same")).toBe(true);
      // The first run of the task has none.
      const none = await diffOf(server, runs.a!.traceId, "baseline");
      expect(none.status).toBe(404);
      expect((none.body as unknown as { parameter: string }).parameter).toBe("b");
    });

    it("answers 400 naming a bad parameter and 404 for an unknown trace", async () => {
      const bad = async (query: string) => {
        const response = await fetch(`${server.baseUrl}/api/v1/traces/diff?${query}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
        return { status: response.status, parameter: ((await response.json()) as { parameter?: string }).parameter };
      };
      expect(await bad(`b=${runs.a!.traceId}`)).toEqual({ status: 400, parameter: "a" });
      expect(await bad(`a=${runs.a!.traceId}&b=best`)).toEqual({ status: 400, parameter: "b" });
      expect(await bad(`a=${runs.a!.traceId}&b=${runs.b!.traceId}&c=1`)).toEqual({ status: 400, parameter: "c" });
      expect(await bad(`a=${runs.a!.traceId}&b=${"f".repeat(32)}`)).toEqual({ status: 404, parameter: "b" });
    });
  });
});
