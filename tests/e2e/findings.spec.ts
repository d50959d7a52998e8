// Retro analysis in the browser, on demo runs sent through the SDK (`npm run demo`'s own code) at a fixed
// time in the past (so no other spec's "last N hours" sees them): the findings strip highlights a loop's
// spans, the critical path toggle marks the path the API computes, the diff view compares the expensive
// run with its baseline and two runs ticked in the list, and the Findings dashboard opens its traces.
import type { Page } from "@playwright/test";
import { runDemo } from "../../scripts/demo/run-demo";
import type { CriticalPath, Finding } from "@/lib/retro";
import type { TracePage, TraceSummary } from "@/lib/trace/types";
import { expect, expectNotPwned, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const NOW = Date.UTC(2024, 1, 10, 12);
const WINDOW = { from: new Date(NOW - 3 * 86_400_000).toISOString(), to: new Date(NOW).toISOString() };
type Demo = { loop: TraceSummary; expensive: TraceSummary; rateLimited: TraceSummary };
let demo: Demo;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${process.env.HINDSIGHT_E2E_BASE_URL}${path}`, { headers: { authorization: `Bearer ${process.env.HINDSIGHT_E2E_API_KEY}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}
const list = (params: Record<string, string>) => api<TracePage>(`/api/v1/traces?${new URLSearchParams({ ...WINDOW, limit: "100", ...params })}`);
const findingsOf = async (traceId: string) => (await api<{ findings: Finding[] }>(`/api/v1/traces/${traceId}`)).findings;

test.beforeAll(async () => {
  await runDemo({ url: process.env.HINDSIGHT_E2E_BASE_URL!, apiKey: process.env.HINDSIGHT_E2E_API_KEY, traces: 11, days: 2, seed: 11, now: NOW });
  // The findings job analyses each run once it has been quiet for a moment.
  await expect.poll(async () => (await list({ finding: "tool_loop" })).data.length, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await list({ failureMode: "provider_rate_limit" })).data.length, { timeout: 30_000 }).toBe(1);
  const support = (await list({ sort: "cost" })).data.filter((t) => t.name.includes("support-triage"));
  demo = {
    loop: (await list({ finding: "tool_loop" })).data[0]!,
    expensive: support[0]!,
    rateLimited: (await list({ failureMode: "provider_rate_limit" })).data[0]!,
  };
});

/** The span ids of the rows marked with `attribute`="true" (every row of these runs is rendered: they are short). */
async function markedRows(page: Page, attribute: string): Promise<string[]> {
  const ids = await page.locator(`[data-testid="span-row"][${attribute}="true"]`).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-span-id")!));
  return ids.sort();
}

test("the findings strip names the loop and highlights its spans in the tree and the timeline", async ({ page, snap }) => {
  const [loop] = (await findingsOf(demo.loop.traceId)).filter((f) => f.type === "tool_loop");
  // Tall enough for the virtualised tree to render every row of the run.
  await page.setViewportSize({ width: 1440, height: 2000 });
  await page.goto(`/traces/${demo.loop.traceId}`);
  const finding = page.locator('[data-testid="finding"][data-type="tool_loop"]');
  await expect(finding).toContainText(`web_search called ${loop!.count}× with the same arguments: ${loop!.count - 1} repeats`);
  await expect(page.locator('[data-testid="span-row"][data-highlighted="true"]')).toHaveCount(0);
  await finding.click();
  await expect(finding).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => markedRows(page, "data-highlighted")).toEqual([...loop!.spanIds].sort());
  // The highlighted rows are the tool calls, in the tree and on the timeline; the first one is selected.
  const highlighted = page.locator('[data-testid="span-row"][data-highlighted="true"]');
  await expect(highlighted.getByTestId("span-name").first()).toHaveText("execute_tool web_search");
  await expect(highlighted.first().getByTestId("timeline-bar")).toHaveClass(/ring/);
  await expect(page).toHaveURL(new RegExp(`span=${loop!.spanIds[0]}`));
  await snap("findings-strip");
  await finding.click();
  await expect(page.locator('[data-testid="span-row"][data-highlighted="true"]')).toHaveCount(0);
});

test("the critical path toggle marks the spans on the path and the header shows where the time went", async ({ page, snap }) => {
  // A support run: its two parallel tool calls cannot both be on the path.
  const path = await api<CriticalPath>(`/api/v1/traces/${demo.expensive.traceId}/critical-path`);
  await page.goto(`/traces/${demo.expensive.traceId}`);
  await expect(page.getByTestId("critical-path-summary")).toContainText("Critical path");
  await expect(page.getByTestId("critical-path-summary").locator('[data-kind="llm"]')).toBeVisible();
  const toggle = page.getByTestId("critical-path-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator('[data-testid="span-row"][data-critical="true"]')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => markedRows(page, "data-critical")).toEqual([...new Set(path.segments.map((s) => s.spanId))].sort());
  // Spans off the path fade out on the timeline.
  await expect(page.locator('[data-testid="span-row"]:not([data-critical]) [data-testid="timeline-bar"]').first()).toHaveClass(/opacity-25/);
  await snap("critical-path");
  await toggle.click();
  await expect(page.locator('[data-testid="span-row"][data-critical="true"]')).toHaveCount(0);
});

test("a rate-limited run: its failure is the call the provider kept refusing, not the one whose retry worked", async ({ page }) => {
  const [failure] = (await findingsOf(demo.rateLimited.traceId)).filter((f) => f.type === "failure");
  await page.goto(`/traces/${demo.rateLimited.traceId}`);
  const finding = page.locator('[data-testid="finding"][data-type="failure"]');
  await expect(finding).toContainText("First failure: Provider rate limit");
  await finding.click();
  await expect.poll(() => markedRows(page, "data-highlighted")).toEqual(failure!.spanIds);
  await expect(page.locator('[data-testid="finding"][data-type="repeated_llm_call"]')).toContainText("Same LLM call made 3× with the same input: 2 repeats");
});

test("compare with baseline: the expensive run beside the most similar successful run of its task", async ({ page, snap }) => {
  await page.goto(`/traces/${demo.expensive.traceId}`);
  await page.getByTestId("compare-baseline").click();
  await expect(page).toHaveURL(new RegExp(`/traces/diff\\?a=${demo.expensive.traceId}&b=baseline`));
  await expect(page.getByTestId("diff-run-a")).toHaveAttribute("data-trace-id", demo.expensive.traceId);
  const baselineId = await page.getByTestId("diff-run-b").getAttribute("data-trace-id");
  expect(baselineId).not.toBe(demo.expensive.traceId);
  // B (the baseline) costs less: the cost difference B − A is negative.
  await expect(page.getByTestId("diff-totals")).toContainText("−$");
  // The expensive habit is a step the baseline does not have.
  const removed = page.locator('[data-testid="diff-step"][data-status="removed"]');
  await expect(removed.filter({ hasText: "fetch_order_history" })).toHaveCount(1);
  // A changed LLM step opens as a text diff of its prompt.
  const changed = page.locator('[data-testid="diff-step"][data-status="changed"]').filter({ hasText: "chat gpt-4o" }).first();
  await changed.getByTestId("open-changes").click();
  const textDiff = page.getByTestId("text-diff").first();
  await expect(textDiff).toBeVisible();
  await expect(textDiff.locator("ins, del").first()).toBeVisible();
  await expectNotPwned(page);
  await snap("trace-diff");
});

test("two runs ticked in the trace list open side by side", async ({ page }) => {
  await page.goto(`/traces?${new URLSearchParams({ ...WINDOW, name: demo.expensive.name })}`);
  const rows = page.getByTestId("trace-row");
  await expect(rows.first()).toBeVisible();
  const compare = page.getByTestId("compare-selected");
  await expect(compare).toBeDisabled();
  const first = await rows.nth(0).getAttribute("data-trace-id");
  const second = await rows.nth(1).getAttribute("data-trace-id");
  await rows.nth(0).getByTestId("compare-checkbox").check();
  await rows.nth(1).getByTestId("compare-checkbox").check();
  await expect(compare).toBeEnabled();
  await compare.click();
  await expect(page).toHaveURL(new RegExp(`/traces/diff\\?a=${first}&b=${second}`));
  await expect(page.getByTestId("diff-run-a")).toHaveAttribute("data-trace-id", first!);
  await expect(page.getByTestId("diff-run-b")).toHaveAttribute("data-trace-id", second!);
  await expect(page.getByTestId("diff-steps")).toBeVisible();
});

test("the Findings dashboard charts findings over time and every bar opens its traces", async ({ page, snap }) => {
  await page.goto(`/dashboards/findings?${new URLSearchParams(WINDOW)}`);
  await expect(page.getByRole("link", { name: "Findings" })).toHaveAttribute("aria-current", "page");
  const byType = page.getByTestId("findings-by-type");
  const loopBar = byType.locator('[data-testid="chart-bar"][data-series="Tool loops"]').first();
  await expect(loopBar).toBeVisible();
  await snap("findings-dashboard");
  await loopBar.click();
  await expect(page).toHaveURL(/\/traces\?/);
  expect(new URL(page.url()).searchParams.get("finding")).toBe("tool_loop");
  const rows = page.getByTestId("trace-row");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.locator('[data-finding="tool_loop"]')).toBeVisible();
  // The failure-mode chart opens the rate-limited run.
  await page.goto(`/dashboards/findings?${new URLSearchParams(WINDOW)}`);
  await page.getByTestId("findings-failure-modes").locator('[data-testid="chart-bar"][data-series="Provider rate limit"]').first().click();
  await expect(page).toHaveURL(/failureMode=provider_rate_limit/);
  await expect(page.getByTestId("trace-row")).toHaveCount(1);
  await expect(page.getByTestId("trace-row").first()).toHaveAttribute("data-trace-id", demo.rateLimited.traceId);
});
