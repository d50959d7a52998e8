// Datasets and experiments end to end, on SQLite and PostgreSQL, with the real SDK against a real server:
// a dataset imported from JSONL (a bad file refused whole), exported as JSON and JSONL (the export imports
// back as the same items), an item added from a run (its input, its actual output as the expected output);
// then runExperiment runs two versions of a task over the dataset (an LLM call priced by the server, an
// exact-match evaluator applied in the process), and the comparison must name the item the second version
// fixed and the one it broke, with each run's cost and duration exactly those of its trace.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exactMatch, registerHindsight, runExperiment, traceLlmCall, type HindsightHandle } from "../../instrumentation/index";
import type { Dataset, DatasetItem } from "@/lib/quality/dataset-types";
import type { ExperimentComparison } from "@/lib/quality/experiment-types";
import { authHeaders, forEachDatabase, getTrace, type TestServer } from "./support";

type Answer<T> = { status: number; body: T & { error?: string; parameter?: string } };

async function call<T>(server: TestServer, method: string, path: string, body?: unknown, contentType = "application/json"): Promise<Answer<T>> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...authHeaders(server), ...(body === undefined ? {} : { "content-type": contentType }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer<T>["body"] };
}

const INPUTS = ["alpha", "beta", "gamma", "delta"];
const jsonl = (lines: unknown[]) => lines.map((line) => JSON.stringify(line)).join("\n");

/** Upper-cases the input through a (simulated) priced LLM call; `wrong` answers something else. */
const task = (wrong: string) => async (input: unknown) => {
  const text = String(input);
  return traceLlmCall({ model: "gpt-4o-mini", provider: "openai", messages: text }, () => ({
    usage: { inputTokens: 100 * text.length, outputTokens: 10 },
  })).then(() => (text === wrong ? `${text}?` : text.toUpperCase()));
};

forEachDatabase((server) => {
  const run = randomBytes(4).toString("hex");
  let hindsight: HindsightHandle;
  let dataset: Dataset;
  let items: DatasetItem[] = [];

  beforeAll(async () => {
    hindsight = registerHindsight({ endpoint: server.baseUrl, apiKey: server.apiKey, serviceName: `experiments-${run}` });
    dataset = (await call<Dataset>(server, "POST", "/api/v1/datasets", { name: `uppercase ${run}`, description: "upper-case the input" })).body;
  });
  afterAll(async () => {
    await hindsight.shutdown();
  });

  describe("datasets", () => {
    it("refuses a JSONL file with a bad line whole, naming the line", async () => {
      const bad = `${jsonl([{ input: "ok" }])}\n{"input": 1,\n${jsonl([{ expectedOutput: "x" }])}`;
      const answer = await call<{ lines: { line: number }[]; errorCount: number }>(
        server,
        "POST",
        `/api/v1/datasets/${dataset.id}/import`,
        bad,
        "application/jsonl",
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errorCount).toBe(2);
      expect(answer.body.lines.map((l) => l.line)).toEqual([2, 3]);
      expect((await call<Dataset>(server, "GET", `/api/v1/datasets/${dataset.id}`)).body.itemCount).toBe(0);
    });

    it("imports JSONL in line order and exports it as JSON and JSONL that import back the same", async () => {
      const lines = INPUTS.map((input, i) => ({ input, expectedOutput: input.toUpperCase(), metadata: { case: i } }));
      const imported = await call<{ imported: number }>(server, "POST", `/api/v1/datasets/${dataset.id}/import`, jsonl(lines), "application/jsonl");
      expect(imported).toMatchObject({ status: 201, body: { imported: 4 } });
      items = (await call<{ data: DatasetItem[] }>(server, "GET", `/api/v1/datasets/${dataset.id}/items?format=json`)).body.data;
      expect(items.map(({ input, expectedOutput, metadata }) => ({ input, expectedOutput, metadata }))).toEqual(lines);

      const exported = await fetch(`${server.baseUrl}/api/v1/datasets/${dataset.id}/items?format=jsonl`, { headers: authHeaders(server) });
      expect(exported.headers.get("content-type")).toContain("application/jsonl");
      const text = await exported.text();
      expect(text.trim().split("\n")).toHaveLength(4);
      const copy = (await call<Dataset>(server, "POST", "/api/v1/datasets", { name: `copy ${run}` })).body;
      expect((await call(server, "POST", `/api/v1/datasets/${copy.id}/import`, text, "application/jsonl")).status).toBe(201);
      const copied = (await call<{ data: DatasetItem[] }>(server, "GET", `/api/v1/datasets/${copy.id}/items`)).body.data;
      expect(copied.map(({ input, expectedOutput, metadata }) => ({ input, expectedOutput, metadata }))).toEqual(lines);
      expect((await call(server, "GET", `/api/v1/datasets/${dataset.id}/items?format=xml`)).body.parameter).toBe("format");
    });
  });

  describe("experiments", () => {
    let comparison: ExperimentComparison;
    let baselineId: string | null = null;
    let candidateId: string | null = null;

    beforeAll(async () => {
      const baseline = await runExperiment({ name: `baseline ${run}`, dataset: dataset.name, task: task("gamma"), evaluators: [exactMatch()], hindsight });
      const candidate = await runExperiment({ name: `candidate ${run}`, dataset: dataset.id, task: task("delta"), evaluators: [exactMatch()], hindsight });
      baselineId = baseline.experimentId;
      candidateId = candidate.experimentId;
      expect(baseline.scores).toEqual([{ name: "exact_match", count: 4, mean: 0.75, passRate: 0.75 }]);
      // The runs' traces are stored asynchronously: wait until every run's figures are there.
      for (let attempt = 0; attempt < 100; attempt++) {
        const answer = await call<ExperimentComparison>(server, "GET", `/api/v1/experiments/compare?a=${baselineId}&b=${candidateId}`);
        expect(answer.status).toBe(200);
        comparison = answer.body;
        if (comparison.items.every((item) => item.a?.costUsd !== null && item.b?.costUsd !== null)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });

    it("traces each item's run with the experiment's attributes", async () => {
      const item = comparison.items[0]!;
      const trace = await getTrace(server, item.a!.traceId);
      const root = trace.spans.find((span) => span.parentSpanId === null)!;
      expect(root.attributes).toMatchObject({
        "hindsight.experiment.id": baselineId,
        "hindsight.experiment.name": `baseline ${run}`,
        "hindsight.dataset.id": dataset.id,
        "hindsight.dataset.item.id": items[0]!.id,
      });
    });

    it("compares item by item: the fixed item improved, the broken one regressed, figures from the traces", async () => {
      expect(comparison.items.map((item) => item.itemId)).toEqual(items.map((item) => item.id));
      expect(comparison.items.map((item) => item.verdict)).toEqual(["unchanged", "unchanged", "improved", "regressed"]);
      expect(comparison.summary).toMatchObject({ pairs: 4, improved: [items[2]!.id], regressed: [items[3]!.id], mixed: [], unchanged: 2 });
      expect(comparison.summary.scores).toEqual([
        { name: "exact_match", pairs: 4, improved: 1, regressed: 1, unchanged: 2, meanA: 0.75, meanB: 0.75, passRateA: 0.75, passRateB: 0.75 },
      ]);
      for (const item of comparison.items) {
        for (const side of [item.a!, item.b!]) {
          const trace = (await getTrace(server, side.traceId)).trace;
          expect(side.costUsd).toBe(trace.costUsd);
          expect(side.durationMs).toBe(trace.durationMs);
          expect(side.costUsd).toBeGreaterThan(0);
        }
      }
      expect(comparison.items[2]!.a!.output).toBe("gamma?");
      expect(comparison.items[2]!.b!.output).toBe("GAMMA");
      expect(comparison.summary.a.scores).toEqual([{ name: "exact_match", count: 4, mean: 0.75, passRate: 0.75 }]);
    });

    it("adds an item from a run: its input, and its actual output as the expected output", async () => {
      const runOfGamma = comparison.items[2]!.a!;
      const target = (await call<Dataset>(server, "POST", "/api/v1/datasets", { name: `from runs ${run}` })).body;
      const added = await call<DatasetItem>(server, "POST", `/api/v1/datasets/${target.id}/items`, { traceId: runOfGamma.traceId });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ input: "gamma", expectedOutput: "gamma?", sourceTraceId: runOfGamma.traceId });
      const corrected = await call<DatasetItem>(server, "PATCH", `/api/v1/datasets/${target.id}/items/${added.body.id}`, { expectedOutput: "GAMMA" });
      expect(corrected.body.expectedOutput).toBe("GAMMA");
      const unknown = await call(server, "POST", `/api/v1/datasets/${target.id}/items`, { traceId: "0".repeat(32) });
      expect(unknown).toMatchObject({ status: 404, body: { parameter: "traceId" } });
    });

    it("refuses to compare unknown experiments or experiments of two datasets", async () => {
      expect((await call(server, "GET", `/api/v1/experiments/compare?a=${baselineId}&b=nope`)).body.parameter).toBe("b");
      expect((await call(server, "GET", `/api/v1/experiments/compare?a=${baselineId}`)).body.parameter).toBe("b");
      const listed = await call<{ data: { id: string }[] }>(server, "GET", `/api/v1/experiments?datasetId=${dataset.id}`);
      expect(listed.body.data.map((e) => e.id)).toEqual([candidateId, baselineId]);
    });
  });
});
