import { expect, test } from "./fixtures";
import { createSeedTracer } from "./otlp-seed";
import { SEED } from "./seed-data";

test("sort by duration, page with the cursor, time range in the URL", async ({ page }) => {
  await page.goto(`/traces?range=1h&q=${encodeURIComponent(SEED.run)}`);
  const rows = page.getByTestId("trace-row");
  await expect(rows).toHaveCount(4);

  await page.getByTestId("sort-duration").click();
  await expect(page).toHaveURL(/sort=duration/);
  await expect(rows.first()).toContainText(SEED.runName); // 4 s, the longest
  await page.getByTestId("sort-duration").click();
  await expect(page).toHaveURL(/order=asc/);
  await expect(rows.last()).toContainText(SEED.runName);

  await page.goto(`/traces?range=1h&q=${encodeURIComponent(SEED.run)}&limit=3`);
  await expect(rows).toHaveCount(3);
  const firstPage = await rows.allTextContents();
  await page.getByTestId("next-page").click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(1);
  expect(firstPage).not.toContain(await rows.first().textContent());

  await page.getByTestId("time-range").selectOption("15m");
  await expect(page).toHaveURL(/range=15m/);
  await expect(page).not.toHaveURL(/cursor=/);
  await page.getByRole("link", { name: "Sessions" }).click();
  await expect(page).toHaveURL(/\/sessions\?range=15m/);
  await expect(page.getByTestId("session-row").filter({ hasText: SEED.sessionId })).toHaveCount(1);
});

test("live mode shows a trace that arrives while watching", async ({ page, target, snap }) => {
  const name = `e2e ${SEED.run} live arrival`;
  await page.goto(`/traces?range=1h&q=${encodeURIComponent(SEED.run)}`);
  await page.getByTestId("live-toggle").click();
  await expect(page).toHaveURL(/live=1/);
  await expect(page.getByTestId("live-toggle")).toHaveAttribute("aria-pressed", "true");

  const tracer = createSeedTracer(target, "e2e-live");
  const now = Date.now();
  tracer.emit({ name, startMs: now - 500, endMs: now });
  await tracer.flush();
  await expect(page.getByTestId("trace-row").filter({ hasText: name })).toHaveCount(1, { timeout: 20_000 });
  await snap("trace-list-live");
});
