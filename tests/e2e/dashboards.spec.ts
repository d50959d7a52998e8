// The analytics dashboards against a real server seeded through the OTLP exporter (analytics-seed.ts):
// charts render with data, their points and bars open the matching traces, and the price table's
// changes recompute stored costs.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { otlpJson, runPlantedPipeline } from "../integration/pipeline/planted-pipeline";
import { ANALYTICS, getAnalyticsSeed } from "./analytics-seed";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

/** Takes `name`-light.png and `name`-dark.png of the current page, tall enough to show the whole dashboard. */
async function snapBothThemes(page: Page, snap: (name: string) => Promise<void>, name: string) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 2200 });
  await snap(`${name}-light`);
  await page.context().addCookies([{ name: "hs-theme", value: "dark", url: page.url() }]);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await snap(`${name}-dark`);
  await page.context().clearCookies({ name: "hs-theme" });
  await page.reload();
  if (viewport) await page.setViewportSize(viewport);
}

/** The /traces URL the page went to, as search params. */
async function expectTracesUrl(page: Page, filters: Record<string, string>) {
  await expect(page).toHaveURL(/\/traces\?/);
  const params = new URL(page.url()).searchParams;
  for (const [key, value] of Object.entries(filters)) expect(params.get(key), key).toBe(value);
  expect(Date.parse(params.get("to") ?? "") - Date.parse(params.get("from") ?? "")).toBeGreaterThan(0);
}

test("latency: percentiles per task and tool, slowest tools, a point opens its traces", async ({ page, snap }) => {
  await page.goto("/dashboards?range=24h");
  await expect(page).toHaveURL(/\/dashboards\/latency\?range=24h$/);
  await expect(page.getByRole("link", { name: "Dashboards" })).toHaveAttribute("aria-current", "page");

  const overview = page.getByTestId("latency-overview");
  await expect(overview.locator("path.recharts-line-curve").first()).toBeVisible();
  await expect(overview.locator(".recharts-legend-wrapper")).toContainText(ANALYTICS.checkout);
  await expect(
    overview
      .locator(".recharts-cartesian-axis-tick-value")
      .filter({ hasText: /^\d+\.\d\d s$/ })
      .first(),
  ).toBeVisible();
  const checkout = page.getByTestId("latency-group").filter({ hasText: ANALYTICS.checkout });
  await expect(checkout.locator(".recharts-legend-wrapper")).toContainText("p50");
  await expect(checkout.locator(".recharts-legend-wrapper")).toContainText("p99");
  await expect(checkout.locator('[data-testid="chart-point"][data-series="p95"]')).toHaveCount(7);

  // Tool durations 300…1500 ms and 100 ms (failed runs): p95 and max are exactly 1.50 s.
  const toolRow = page.getByTestId("slowest-tools").getByTestId("slowest-row").filter({ hasText: ANALYTICS.tool });
  await expect(toolRow).toContainText("7");
  await expect(toolRow.locator("td").nth(3)).toHaveText("1.50 s");
  await expect(toolRow.locator("td").nth(5)).toHaveText("1.50 s");
  await expect(page.getByTestId("slowest-models")).toContainText("gpt-4o-mini");
  await snapBothThemes(page, snap, "dashboard-latency");

  // The percentiles of one bucket coincide for a single run: p99 is drawn last, on top.
  await checkout.locator('[data-testid="chart-point"][data-series="p99"]').first().click();
  await expectTracesUrl(page, { name: ANALYTICS.checkout, sort: "duration" });
  await expect(page.getByTestId("trace-row").filter({ hasText: ANALYTICS.checkout }).first()).toBeVisible();

  // Fresh loads rather than history steps back: Chromium then re-requests /favicon.ico, which 404s.
  await page.goto("/dashboards/latency?range=24h");
  await page.getByTestId("group-by").getByRole("link", { name: "Tool" }).click();
  await expect(page).toHaveURL(/groupBy=tool/);
  await expect(overview.locator(".recharts-legend-wrapper")).toContainText(ANALYTICS.tool);
  await page.getByTestId("percentile").getByRole("link", { name: "p99" }).click();
  await expect(page).toHaveURL(/pct=p99/);
  await expect(overview).toContainText("p99 latency by tool");
  await overview.locator(`[data-testid="chart-point"][data-series="${ANALYTICS.tool}"]`).last().click();
  await expectTracesUrl(page, { tool: ANALYTICS.tool });
  await expect(page.getByTestId("trace-row").filter({ hasText: ANALYTICS.checkout }).first()).toBeVisible();
});

test("latency: grouped by MCP server, MCP-served tools marked in the slowest tools", async ({ page, target }) => {
  // The planted pipeline (our SDK, a real MCP server and client) alone in an hour eleven days back.
  const start = Math.floor((Date.now() - 11 * 86_400_000) / 3_600_000) * 3_600_000 + 10 * 60_000;
  const planted = await runPlantedPipeline(randomUUID().slice(0, 8), [
    { startMs: start, llmMs: [100, 400], approvalMs: 20_000, refundFails: false, model2: "gpt-4o" },
    { startMs: start + 60_000, llmMs: [200, 300], approvalMs: 10_000, refundFails: false, model2: "gpt-4o" },
  ]);
  const response = await fetch(`${target.baseUrl}/v1/traces`, {
    method: "POST",
    headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" },
    body: otlpJson(planted.spans),
  });
  expect(response.status).toBe(200);
  const window = `from=${new Date(start - 10 * 60_000).toISOString()}&to=${new Date(start + 50 * 60_000).toISOString()}`;

  await page.goto(`/dashboards/latency?${window}`);
  const tools = page.getByTestId("slowest-tools");
  await expect(tools.getByTestId("slowest-row").filter({ hasText: "lookup_order" }).getByTestId("mcp-badge")).toHaveText(`MCP · ${planted.server}`);
  await expect(tools.getByTestId("slowest-row").filter({ hasText: "issue_refund" }).getByTestId("mcp-badge")).toHaveCount(0);

  await page.getByTestId("group-by").getByRole("link", { name: "MCP server" }).click();
  await expect(page).toHaveURL(/groupBy=mcp_server/);
  const overview = page.getByTestId("latency-overview");
  await expect(overview).toContainText("p95 latency by MCP server");
  await expect(overview.locator(".recharts-legend-wrapper")).toContainText(planted.server);
  await overview.locator(`[data-testid="chart-point"][data-series="${planted.server}"]`).first().click();
  // Minute buckets: the first point is the first run's call.
  await expectTracesUrl(page, { graphNode: `mcp_server:${planted.server}`, sort: "duration" });
  await expect(page.getByTestId("trace-row").filter({ hasText: planted.task })).toHaveCount(1);
});

test("cost: per completed run, waste, breakdowns and top traces; points and bars open traces", async ({ page, snap }) => {
  await page.goto("/dashboards/cost?range=24h");
  // 7 runs of $0.0027, 2 of them failed: $0.0189 in all, $0.0054 wasted, $0.0027 per completed run.
  const task = page.getByTestId("task-cost-row").filter({ hasText: ANALYTICS.checkout });
  await expect(task.locator("td")).toHaveText([ANALYTICS.checkout, "7", "2", "$0.0027", "$0.019", "$0.0054"]);
  await expect(page.getByTestId("task-cost-row").filter({ hasText: ANALYTICS.refund }).locator("td")).toHaveText([
    ANALYTICS.refund,
    "3",
    "0",
    "$0.0036",
    "$0.011",
    "—",
  ]);

  const perRun = page.getByTestId("cost-per-run");
  await expect(perRun.locator("path.recharts-line-curve").first()).toBeVisible();
  await expect(perRun.locator(".recharts-legend-wrapper")).toContainText(ANALYTICS.checkout);
  await expect(
    perRun
      .locator(".recharts-cartesian-axis-tick-value")
      .filter({ hasText: /^\$0\.\d+$/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId("cost-spend").locator('[data-testid="chart-bar"][data-series="Failed runs (waste)"]').first()).toBeVisible();
  await expect(page.getByTestId("cost-spend").locator(".recharts-legend-wrapper")).toContainText("Failed runs (waste)");
  await expect(page.getByTestId("cost-tokens").locator('[data-testid="chart-bar"]').first()).toBeVisible();
  await expect(page.getByTestId("cost-tokens").locator(".recharts-legend-wrapper")).toContainText("Output tokens");
  await expect(page.getByTestId("cost-by-agent").locator(`[data-testid="chart-bar"][data-series="${ANALYTICS.cartAgent}"]`)).toBeVisible();
  await expect(page.getByTestId("cost-by-user").locator(`[data-testid="chart-bar"][data-series="${ANALYTICS.buyer}"]`)).toBeVisible();
  await expect(page.getByTestId("cost-by-model").locator('[data-testid="chart-bar"][data-series="gpt-4o-mini"]')).toBeVisible();
  await expect(page.getByTestId("top-traces").getByTestId("top-trace-row").filter({ hasText: ANALYTICS.drift }).first()).toBeVisible();
  // The pricing probe's model has no price yet (the prices test below adds one): the page says so.
  const notice = page.getByTestId("unpriced-notice");
  await expect(notice).toContainText(/\d+ of \d+ runs in this range called a model with no known price/);
  await expect(notice.getByRole("link", { name: "Add the price in Settings" })).toHaveAttribute("href", "/projects/default/settings");
  await snapBothThemes(page, snap, "dashboard-cost");

  await perRun.locator(`[data-testid="chart-point"][data-series="${ANALYTICS.checkout}"]`).first().click();
  await expectTracesUrl(page, { name: ANALYTICS.checkout, status: "ok", sort: "cost" });
  await expect(page.getByTestId("trace-row").filter({ hasText: ANALYTICS.checkout }).first()).toBeVisible();

  await page.goto("/dashboards/cost?range=24h");
  await page.getByTestId("cost-spend").locator('[data-testid="chart-bar"][data-series="Failed runs (waste)"]').first().click();
  await expectTracesUrl(page, { status: "error" });
  await expect(page.getByTestId("trace-row").filter({ hasText: ANALYTICS.checkout }).first()).toBeVisible();

  await page.goto("/dashboards/cost?range=24h");
  await page.getByTestId("cost-by-user").locator(`[data-testid="chart-bar"][data-series="${ANALYTICS.buyer}"]`).click();
  await expectTracesUrl(page, { userId: ANALYTICS.buyer, sort: "cost" });
  await expect(page.getByTestId("trace-row")).toHaveCount(7);
});

test("prices: add, override and reset a price; stored costs are recomputed", async ({ page, snap }) => {
  const { pricingTraceId } = getAnalyticsSeed();
  const model = ANALYTICS.unpricedModel;
  const traceCost = () => page.getByTestId("trace-header");
  await page.goto(`/traces/${pricingTraceId}`);
  await expect(traceCost()).toContainText("unpriced");

  await page.goto("/settings");
  const form = page.getByTestId("price-form");
  const status = page.getByTestId("price-status");
  await form.getByLabel("Model").fill(model);
  await form.getByLabel("Input $/MTok").fill("-1");
  await form.getByRole("button", { name: "Add price" }).click();
  await expect(form).toContainText("must be 0 or more");
  await expect(form).toContainText("must be a number");
  await expect(form.getByLabel("Model")).toHaveValue(model);

  await form.getByLabel("Input $/MTok").fill("1");
  await form.getByLabel("Output $/MTok").fill("4");
  await form.getByRole("button", { name: "Add price" }).click();
  await expect(status).toHaveText(`Saved ${model}: 1 stored span recomputed.`);
  const row = page.locator(`[data-testid="price-row"][data-model="${model}"]`);
  await expect(row).toHaveAttribute("data-source", "override");
  await expect(row).toContainText("custom");
  await snap("dashboard-prices");
  await page.goto(`/traces/${pricingTraceId}`);
  await expect(traceCost()).toContainText("$3.00"); // 1M × $1 + 0.5M × $4

  await page.goto("/settings");
  await row.getByRole("button", { name: "Edit" }).click();
  await expect(form).toContainText(`Override ${model}`);
  await form.getByLabel("Input $/MTok").fill("2");
  await form.getByLabel("Output $/MTok").fill("8");
  await form.getByRole("button", { name: "Save override" }).click();
  await expect(status).toHaveText(`Saved ${model}: 1 stored span recomputed.`);
  await expect(row.locator("td").nth(2)).toHaveText("$2.00");
  await page.goto(`/traces/${pricingTraceId}`);
  await expect(traceCost()).toContainText("$6.00");

  await page.goto("/settings");
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(status).toHaveText(`Reset ${model}: 1 stored span recomputed.`);
  await expect(row).toHaveCount(0);
  await page.goto(`/traces/${pricingTraceId}`);
  await expect(traceCost()).toContainText("unpriced");

  // A built-in price: override it, then reset to the built-in one.
  await page.goto("/settings");
  await page.getByLabel("Filter prices").fill("gpt-4.1-nano");
  const builtIn = page.locator('[data-testid="price-row"][data-model="gpt-4.1-nano"]');
  await expect(builtIn).toHaveAttribute("data-source", "built-in");
  await builtIn.getByRole("button", { name: "Override" }).click();
  await form.getByLabel("Input $/MTok").fill("0.2");
  await form.getByRole("button", { name: "Save override" }).click();
  await expect(status).toContainText("Saved gpt-4.1-nano");
  await expect(builtIn).toHaveAttribute("data-source", "override");
  await builtIn.getByRole("button", { name: "Reset" }).click();
  await expect(status).toContainText("Reset gpt-4.1-nano");
  await expect(builtIn).toHaveAttribute("data-source", "built-in");
  await expect(builtIn.locator("td").nth(2)).toHaveText("$0.10");
});

test("drift: the level shift is marked, baselines compared, what changed shown", async ({ page, snap }) => {
  await page.goto("/dashboards/latency?range=24h");
  await page.getByRole("navigation", { name: "Dashboards" }).getByRole("link", { name: "Drift" }).click();
  await expect(page).toHaveURL(/\/dashboards\/drift\?range=24h$/);
  const row = page.getByTestId("drift-row").filter({ hasText: ANALYTICS.drift });
  await expect(row.getByTestId("drift-shift")).toContainText("cost per run");
  await row.getByRole("link", { name: ANALYTICS.drift }).click();
  await expect(page).toHaveURL(/group=/);
  await expect(row).toHaveAttribute("aria-selected", "true");

  // gpt-4o-mini ($0.0021 a run) → gpt-4o ($0.035): +1567 % from the first shifted hour.
  const cost = page.getByTestId("drift-cost");
  await expect(cost.locator("path.recharts-line-curve")).toBeVisible();
  await expect(cost.locator(".recharts-reference-line")).toHaveCount(2); // change point + previous level
  await expect(cost).toContainText("Change point +1567 %");
  await expect(page.getByTestId("drift-p95")).toContainText("Change point +200 %"); // 1 s → 3 s
  const changed = page.getByTestId("what-changed");
  await expect(changed).toContainText("Before vs after the change point");
  await expect(changed.getByTestId("model-mix")).toContainText("gpt-4o-mini100 % → 0 %");
  await expect(changed.getByTestId("model-mix")).toContainText("gpt-4o0 % → 100 %");
  await snapBothThemes(page, snap, "dashboard-drift");

  await cost.locator(`[data-testid="chart-point"][data-series="${ANALYTICS.drift}"]`).last().click();
  await expectTracesUrl(page, { name: ANALYTICS.drift, sort: "cost" });
  await expect(page.getByTestId("trace-row").filter({ hasText: ANALYTICS.drift }).first()).toBeVisible();
});

test("alerts: create a rule, evaluate it into an incident, recover it, delete it", async ({ page, snap }) => {
  const name = `checkout budget ${ANALYTICS.tag}`;
  await page.goto("/traces");
  await page.getByRole("link", { name: "Alerts" }).click();
  await expect(page).toHaveURL(/\/alerts/);
  const form = page.getByTestId("rule-form");
  const status = page.getByTestId("rule-status");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Scope", { exact: true }).selectOption("task");
  await form.getByLabel("Task name").fill(ANALYTICS.checkout);
  await form.getByLabel("Window, minutes").fill("480");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(status).toHaveText("threshold: set threshold, driftPct or both");
  await expect(form.getByLabel("Task name")).toHaveValue(ANALYTICS.checkout);

  await form.getByLabel("Threshold (USD)").fill("0.001");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(status).toHaveText(`Created rule "${name}".`);
  const rule = page.getByTestId("rule-row").filter({ hasText: name });
  // The 7 checkout runs of the last 8 hours cost $0.0027 each: above $0.001. (The scheduler may get there first.)
  await rule.getByRole("button", { name: "Evaluate now" }).click();
  await expect(status).toHaveText(new RegExp(`^"${name}": \\$0\\.0027 against \\$0\\.0010: (incident opened|still firing)\\.$`));
  await expect(rule.getByTestId("rule-state")).toHaveText("firing");
  const incident = page.getByTestId("open-incidents").getByTestId("incident-row").filter({ hasText: name });
  await expect(incident).toContainText("$0.0027");
  await expect(incident.getByRole("link", { name: "#1" })).toHaveAttribute("href", /^\/projects\/default\/traces\/[0-9a-f]{32}$/);
  await snap("dashboard-alerts");

  await rule.getByRole("button", { name: "Edit" }).click();
  await expect(form).toContainText(`Edit rule ${name}`);
  await form.getByLabel("Threshold (USD)").fill("1");
  await form.getByRole("button", { name: "Save rule" }).click();
  await expect(status).toHaveText(`Saved rule "${name}".`);
  await rule.getByRole("button", { name: "Evaluate now" }).click();
  await expect(status).toContainText("against $1.00: incident resolved.");
  await expect(rule.getByTestId("rule-state")).toHaveText("ok");
  await expect(page.getByTestId("resolved-incidents").getByTestId("incident-row").filter({ hasText: name })).toHaveCount(1);
  await expect(page.getByTestId("open-incidents").getByTestId("incident-row").filter({ hasText: name })).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await rule.getByRole("button", { name: "Delete" }).click();
  await expect(status).toHaveText("Rule deleted with its incidents.");
  await expect(rule).toHaveCount(0);
});
