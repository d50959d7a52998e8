// Comparing two experiments in the dashboard: two versions of a task run over a dataset through the SDK's
// runExperiment; the dataset page picks them, and the comparison shows the fixed item as improved, the
// broken one as regressed, and the output diff of each.
import { randomBytes } from "node:crypto";
import { exactMatch, registerHindsight, runExperiment } from "../../instrumentation/index";
import { expect, test } from "./fixtures";

test("compares two experiments item by item", async ({ page, target }) => {
  const run = randomBytes(4).toString("hex");
  const headers = { authorization: `Bearer ${target.apiKey}` };
  const created = await page.request.post(`/api/v1/datasets`, { headers, data: { name: `compare ${run}` } });
  const dataset = (await created.json()) as { id: string };
  const lines = ["alpha", "beta", "gamma"].map((input) => JSON.stringify({ input, expectedOutput: input.toUpperCase() })).join("\n");
  expect(
    (await page.request.post(`/api/v1/datasets/${dataset.id}/import`, { headers: { ...headers, "content-type": "application/jsonl" }, data: lines })).status(),
  ).toBe(201);

  let ids: (string | null)[] = [];
  const hindsight = registerHindsight({ endpoint: target.baseUrl, apiKey: target.apiKey, serviceName: `compare-e2e-${run}` });
  try {
    const version = (wrong: string) => (input: unknown) => (input === wrong ? `${String(input)}?` : String(input).toUpperCase());
    const baseline = await runExperiment({ name: `baseline ${run}`, dataset: dataset.id, task: version("beta"), evaluators: [exactMatch()], hindsight });
    const candidate = await runExperiment({ name: `candidate ${run}`, dataset: dataset.id, task: version("gamma"), evaluators: [exactMatch()], hindsight });
    ids = [baseline.experimentId, candidate.experimentId];
  } finally {
    await hindsight.shutdown();
  }

  // The runs' traces (their outputs) are stored asynchronously: wait until the comparison has them all.
  await expect
    .poll(async () => {
      const answer = await page.request.get(`/api/v1/experiments/compare?a=${ids[0]}&b=${ids[1]}`, { headers });
      const { items } = (await answer.json()) as { items: { a: { output: unknown } | null; b: { output: unknown } | null }[] };
      return items.filter((item) => item.a?.output != null && item.b?.output != null).length;
    })
    .toBe(3);
  await page.goto(`/projects/default/datasets/${dataset.id}`);
  const form = page.getByTestId("compare-form");
  await form.getByLabel("Baseline (a)").selectOption(ids[0]!);
  await form.getByLabel("Candidate (b)").selectOption(ids[1]!);
  await form.getByRole("button", { name: "Compare" }).click();

  await expect(page.getByRole("heading", { name: `baseline ${run} → candidate ${run}` })).toBeVisible();
  await expect(page.getByTestId("comparison-summary")).toContainText("1 improved, 1 regressed");
  const rows = page.getByTestId("comparison-items").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toHaveAttribute("data-verdict", "improved");
  await expect(rows.nth(2)).toHaveAttribute("data-verdict", "regressed");
  await expect(rows.nth(2).locator("del")).toContainText("GAMMA");
  await expect(rows.nth(2).locator("ins")).toContainText("gamma?");
});
