// An online evaluator made in the UI: the Evaluators page's form creates a rule evaluator for one task's
// runs; a run of that task sent afterwards is scored once it settles, and the score shows on its trace.
import { randomBytes } from "node:crypto";
import { createSeedTracer } from "./otlp-seed";
import { expect, test } from "./fixtures";

test("a rule evaluator created in the UI scores a new run", async ({ page, target }) => {
  const run = randomBytes(4).toString("hex");
  const task = `evaluator-e2e-${run}`;
  const scoreName = `ships_${run}`;

  await page.goto("/projects/default/evaluators");
  await expect(page.getByRole("link", { name: "Evaluators", exact: true })).toHaveAttribute("aria-current", "page");
  const form = page.getByTestId("create-evaluator-form");
  await form.getByLabel("Name", { exact: true }).fill(`Says shipped ${run}`);
  await form.getByLabel("Score name", { exact: true }).fill(scoreName);
  await form.getByRole("textbox", { name: /^Runs / }).fill(`name=${task}`);
  await form.getByRole("combobox", { name: "Rule", exact: true }).selectOption("contains");
  await form.getByRole("textbox", { name: /^Rule value/ }).fill("shipped");
  await form.getByRole("button", { name: "Create evaluator" }).click();
  await expect(form.getByText(`Created Says shipped ${run}`)).toBeVisible();
  const row = page.getByTestId("evaluator-row").filter({ hasText: `Says shipped ${run}` });
  await expect(row).toContainText("contains shipped");
  await expect(row).toContainText("enabled");

  const tracer = createSeedTracer(target, "evaluator-e2e");
  const start = Date.now() - 5000;
  const root = tracer.emit({
    name: task,
    startMs: start,
    endMs: start + 800,
    attributes: { "input.value": "where is my order?", "output.value": "It has shipped." },
  });
  await tracer.flush();

  // The evaluator runs in the background once the run settles: poll the API for the trace, then its score.
  let traceId = "";
  await expect
    .poll(
      async () => {
        const list = await page.request.get(`/api/v1/traces?name=${task}`, { headers: { authorization: `Bearer ${target.apiKey}` } });
        traceId = ((await list.json()) as { data: { traceId: string }[] }).data[0]?.traceId ?? "";
        if (!traceId) return 0;
        const scores = await page.request.get(`/api/v1/scores?traceId=${traceId}&source=evaluator`, { headers: { authorization: `Bearer ${target.apiKey}` } });
        return ((await scores.json()) as { data: unknown[] }).data.length;
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  expect(root).toBeTruthy();
  await page.goto(`/projects/default/traces/${traceId}`);
  const pill = page.getByTestId("trace-score-list").locator(`[data-score-name="${scoreName}"]`);
  await expect(pill).toContainText("pass (1)");
  await expect(pill).toHaveAttribute("data-passed", "true");
});
