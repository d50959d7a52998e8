// Quality forms in the browser: a score alert rule through the alerts form (the score name field shows
// for score metrics only), a dataset's items edited (a broken JSON edit refused with its reason) and
// deleted, and a review queue's agreement with the API's scores on its page.
import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { assertLocalTarget, createSeedTracer } from "./otlp-seed";

test("alerts: a score pass-rate rule is created through the form with its score name", async ({ page }) => {
  const run = randomBytes(4).toString("hex");
  const name = `accuracy floor ${run}`;
  await page.goto("/projects/default/alerts");
  const form = page.getByTestId("rule-form");
  const status = page.getByTestId("rule-status");
  await expect(form.getByLabel("Score name")).toHaveCount(0);
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Metric").selectOption("score_pass_rate");
  await form.getByLabel(/^Threshold/).fill("0.9");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(status).toHaveText("scoreName: is required for score_pass_rate: the score's name");

  await form.getByLabel("Score name").fill(`accuracy_${run}`);
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(status).toHaveText(`Created rule "${name}".`);
  const rule = page.getByTestId("rule-row").filter({ hasText: name });
  await expect(rule).toContainText(`Score pass rate of accuracy_${run}`);

  const rules = (await (await page.request.get("/api/v1/alerts/rules?project=default")).json()) as {
    data: { name: string; metric: string; scoreName: string }[];
  };
  expect(rules.data.find((r) => r.name === name)).toMatchObject({ metric: "score_pass_rate", scoreName: `accuracy_${run}` });
  page.once("dialog", (dialog) => void dialog.accept());
  await rule.getByRole("button", { name: "Delete" }).click();
  await expect(rule).toHaveCount(0);
});

test("datasets: an item is edited (broken JSON refused) and another deleted", async ({ page, target }) => {
  assertLocalTarget(target.baseUrl);
  const run = randomBytes(4).toString("hex");
  const api = { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" };
  const created = await fetch(`${target.baseUrl}/api/v1/datasets`, { method: "POST", headers: api, body: JSON.stringify({ name: `edit-${run}` }) });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const input of [{ q: `first ${run}` }, { q: `second ${run}` }]) {
    const item = await fetch(`${target.baseUrl}/api/v1/datasets/${id}/items`, {
      method: "POST",
      headers: api,
      body: JSON.stringify({ input, expectedOutput: "ok" }),
    });
    expect(item.status).toBe(201);
  }

  await page.goto(`/projects/default/datasets/${id}`);
  const rows = page.getByTestId("dataset-item");
  await expect(rows).toHaveCount(2);
  const first = rows.filter({ hasText: `first ${run}` });
  await first.getByRole("button", { name: "Edit" }).click();
  const form = page.getByTestId("dataset-item-form");
  await form.getByLabel("Input").fill('{"q": ');
  await form.getByRole("button", { name: "Save item" }).click();
  await expect(form.getByRole("alert")).toContainText("input: not valid JSON");
  await expect(form.getByLabel("Input")).toHaveValue('{"q": ');

  await form.getByLabel("Input").fill(`{"q": "edited ${run}"}`);
  await form.getByLabel("Metadata").fill('{"tier": "gold"}');
  await form.getByRole("button", { name: "Save item" }).click();
  await expect(form).toHaveCount(0);
  await expect(rows.filter({ hasText: `edited ${run}` })).toHaveCount(1);

  page.once("dialog", (dialog) => void dialog.accept());
  await rows
    .filter({ hasText: `second ${run}` })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(rows).toHaveCount(1);

  const items = (await (await fetch(`${target.baseUrl}/api/v1/datasets/${id}/items`, { headers: api })).json()) as {
    data: { input: unknown; metadata: unknown }[];
  };
  expect(items.data).toEqual([expect.objectContaining({ input: { q: `edited ${run}` }, expectedOutput: "ok", metadata: { tier: "gold" } })]);
});

test("review queue: the page shows how often reviews agree with the API's scores", async ({ page, target }) => {
  assertLocalTarget(target.baseUrl);
  const run = randomBytes(4).toString("hex");
  const task = `agreement-e2e-${run}`;
  const tracer = createSeedTracer(target, "agreement-e2e");
  const start = Date.now() - 60_000;
  for (let i = 0; i < 3; i++) tracer.emit({ name: task, startMs: start + i * 1000, endMs: start + i * 1000 + 500, attributes: {} });
  await tracer.flush();
  const api = { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${target.baseUrl}${path}`, { method: "POST", headers: api, body: JSON.stringify(body) });
    expect(response.status, path).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };
  const queue = await post("/api/v1/review-queues", {
    name: `agree-${run}`,
    filter: { name: task },
    sampleSize: 3,
    scoreName: `helpful_${run}`,
    labels: ["good", "bad"],
  });
  // API verdicts good, good, bad against reviews good, bad, bad: two of three agree.
  for (const [apiLabel, reviewLabel] of [
    ["good", "good"],
    ["good", "bad"],
    ["bad", "bad"],
  ]) {
    const next = (await (await fetch(`${target.baseUrl}/api/v1/review-queues/${String(queue.id)}/next`, { headers: api })).json()) as {
      itemId: string;
      traceId: string;
    };
    await post("/api/v1/scores", { traceId: next.traceId, name: `helpful_${run}`, label: apiLabel });
    await post(`/api/v1/review-queues/${String(queue.id)}/items/${next.itemId}`, { label: reviewLabel });
  }

  await page.goto(`/projects/default/review/${String(queue.id)}`);
  const row = page.getByTestId("review-agreement").locator('[data-source="api"]');
  await expect(row).toHaveText(["API", "3", "2", "67 %"].join(""));
});
