// The Quality dashboard against a real server: runs of one task sent through the OTLP exporter over the
// last two days, scored through the API, the score dropping in the last eight hours, when the provider's
// response model for the task changed. The dashboard flags the drop (CUSUM against the previous day), marks
// it and the model change on the charts; the trace page shows the score.
import { expect, test } from "./fixtures";
import { assertLocalTarget, createSeedTracer } from "./otlp-seed";

const HOUR = 3_600_000;
const TASK = "quality-e2e-checkout";
const SCORE = "e2e_accuracy";
const MODEL_BEFORE = "gpt-4o-mini-2024-07-18";
const MODEL_AFTER = "gpt-4o-mini-2025-04-14";

test("quality: a score drop and a model change are marked; the score shows on its trace", async ({ page, target }) => {
  assertLocalTarget(target.baseUrl);
  const now = Date.now();
  const tracer = createSeedTracer(target, "quality-e2e");
  const runs: { traceId: string; value: number }[] = [];
  for (let h = 47; h >= 1; h--) {
    const startMs = now - h * HOUR - 5 * 60_000;
    const root = tracer.emit({
      name: TASK,
      startMs,
      endMs: startMs + 800,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "checkout" },
    });
    tracer.emit(
      {
        name: "chat gpt-4o-mini",
        startMs: startMs + 10,
        endMs: startMs + 700,
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.response.model": h <= 8 ? MODEL_AFTER : MODEL_BEFORE,
        },
      },
      root,
    );
    runs.push({ traceId: root.spanContext().traceId, value: h <= 8 ? 0.35 : 0.9 + (h % 3) * 0.01 });
  }
  await tracer.flush();
  for (const run of runs) {
    const response = await fetch(`${target.baseUrl}/api/v1/scores`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ traceId: run.traceId, name: SCORE, value: run.value, comment: "e2e" }),
    });
    expect(response.status).toBe(201);
  }

  await page.goto(`/projects/default/dashboards/quality?range=24h&groupBy=task&name=${SCORE}`);
  await expect(page.getByRole("link", { name: "Quality", exact: true })).toHaveAttribute("aria-current", "page");
  const row = page.getByTestId("quality-row").and(page.locator(`[data-group="${TASK}"]`));
  await expect(row).toHaveAttribute("data-shift", "down");
  await expect(row.getByTestId("quality-shift")).toContainText("↓ mean 0.9");
  await expect(row.getByTestId("quality-shift")).toContainText("→ 0.35");
  const mean = page.getByTestId("quality-mean");
  await expect(mean.locator("path.recharts-line-curve").first()).toBeVisible();
  await expect(mean).toContainText("level shift");
  // The model change: one mark on each chart, naming the task and both response models.
  for (const chart of [mean, page.getByTestId("quality-pass-rate")]) {
    const marker = chart.getByTestId("model-change-marker");
    await expect(marker).toHaveCount(1);
    await expect(marker.locator("title")).toHaveText(`${TASK} · gpt-4o-mini: ${MODEL_BEFORE} → ${MODEL_AFTER}`);
  }

  const latest = runs.at(-1)!;
  await page.goto(`/projects/default/traces/${latest.traceId}`);
  await expect(page.getByTestId("trace-score-list").locator(`[data-score-name="${SCORE}"]`)).toContainText("0.35");
  await expect(page.getByTestId("trace-score-list").locator(`[data-score-name="${SCORE}"]`)).toHaveAttribute("data-passed", "false");
});
