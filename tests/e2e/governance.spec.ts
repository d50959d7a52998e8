// Governance views against the shared server, with their own data seeded through the OTLP exporter three
// days back (out of the other specs' "last hour" and "last 24 hours" views): the approvals dashboard's
// figures, an approval span's distinct rendering in the trace, and the tool-call audit's filter for write
// calls made without an approval in the same run.
import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { createSeedTracer } from "./otlp-seed";

test.describe.configure({ mode: "serial" });

const TAG = randomBytes(3).toString("hex");
const BASE = Math.floor((Date.now() - 3 * 86_400_000) / 3_600_000) * 3_600_000;
const WINDOW = `from=${new Date(BASE).toISOString()}&to=${new Date(BASE + 3_600_000).toISOString()}`;
const ACTION = `refund-${TAG}`;
const REFUND = `issue_refund_${TAG}`;
const EMAIL = `send_email_${TAG}`;
// Waits 2, 4, 6 and 10 s; one of four rejected.
const DECISIONS = [
  ["approved", 2_000],
  ["rejected", 4_000],
  ["approved", 6_000],
  ["approved", 10_000],
] as const;

test.beforeAll(async ({ target }) => {
  const { emit, flush } = createSeedTracer(target, `governance-${TAG}`);
  const agent = { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": `support-${TAG}` };
  for (const [i, [decision, wait]] of DECISIONS.entries()) {
    const start = BASE + (i + 1) * 60_000;
    const root = emit({ name: `refund run ${TAG}`, startMs: start, endMs: start + wait + 1_000, attributes: agent });
    emit(
      {
        name: `approval ${ACTION}`,
        startMs: start + 10,
        endMs: start + 10 + wait,
        attributes: { "hindsight.approval.decision": decision, "hindsight.approval.action": ACTION, "hindsight.approval.approver": `lead-${TAG}` },
      },
      root,
    );
    if (decision === "approved") {
      const tool = { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": REFUND, "hindsight.tool.effect": "write" };
      emit({ name: `execute_tool ${REFUND}`, startMs: start + wait + 100, endMs: start + wait + 300, attributes: tool }, root);
    }
  }
  // A run that writes with no approval at all.
  const start = BASE + 10 * 60_000;
  const root = emit({ name: `email run ${TAG}`, startMs: start, endMs: start + 1_000, attributes: { ...agent, "user.id": `customer-${TAG}` } });
  emit(
    {
      name: `execute_tool ${EMAIL}`,
      startMs: start + 100,
      endMs: start + 400,
      attributes: {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": EMAIL,
        "hindsight.tool.effect": "write",
        "gen_ai.tool.call.arguments": '{"to":"a@b.c"}',
      },
    },
    root,
  );
  await flush();
});

test("approvals dashboard: requests, approval and rejection rates, waits by action", async ({ page }) => {
  await page.goto(`/dashboards/approvals?${WINDOW}`);
  await expect(page.getByRole("link", { name: "Approvals" })).toHaveAttribute("aria-current", "page");
  const tiles = page.getByTestId("stat-tiles");
  await expect(tiles).toContainText(/Approval requests\s*4/);
  await expect(tiles).toContainText(/Approved\s*75 %/);
  await expect(tiles).toContainText(/Rejected\s*25 %/);
  const row = page.getByTestId("approval-group-row").filter({ hasText: ACTION });
  await expect(row.locator("td").nth(1)).toHaveText("4");
  await expect(row.locator("td").nth(3)).toHaveText("25 %");
  await expect(page.getByTestId("approval-decisions").locator('[data-testid="chart-bar"][data-series="rejected"]:visible')).toHaveCount(1);

  await page.getByTestId("group-by").getByRole("link", { name: "Approver" }).click();
  await expect(page.getByTestId("approval-group-row").filter({ hasText: `lead-${TAG}` })).toHaveCount(1);
});

test("approvals dashboard links to the requests of what was clicked, and back", async ({ page }) => {
  await page.goto(`/dashboards/approvals?${WINDOW}`);
  await page.getByTestId("approval-group-row").filter({ hasText: ACTION }).getByRole("link", { name: ACTION }).click();
  // The requests list, not the dashboard this starts on (whose path ends in /approvals too).
  await expect(page).toHaveURL(/(?<!dashboards)\/approvals\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("action")).toBe(ACTION);
  expect(url.searchParams.get("from")).toBe(new Date(BASE).toISOString());
  const rows = page.getByTestId("approval-request-row");
  await expect(rows).toHaveCount(4);

  await page.getByTestId("approvals-dashboard-link").click();
  await expect(page).toHaveURL(/\/dashboards\/approvals\?.*groupBy=action/);
  expect(new URL(page.url()).searchParams.get("to")).toBe(new Date(BASE + 3_600_000).toISOString());
  await expect(page.getByTestId("approval-group-row").filter({ hasText: ACTION })).toHaveCount(1);

  await page.getByTestId("approval-request-links").getByRole("link", { name: "rejected" }).click();
  await expect(page).toHaveURL(/decision=rejected/);
  await expect(rows.filter({ hasText: ACTION })).toHaveCount(1);
});

test("an approval span renders as a human wait in the trace", async ({ page }) => {
  await page.goto(`/traces?${WINDOW}&q=${encodeURIComponent(`refund run ${TAG}`)}`);
  await page.getByTestId("trace-row").first().click();
  const bar = page.getByTestId("timeline-bar").nth(1);
  await expect(bar).toHaveClass(/bar-human/);
  await bar.hover();
  await expect(page.getByTestId("timeline-tooltip")).toContainText("Human wait");
});

test("tool-call audit: the filter for write calls without an approval in the run", async ({ page }) => {
  await page.goto(`/projects/default/tool-calls?${WINDOW}&agent=support-${TAG}`);
  const rows = page.getByTestId("tool-call-row");
  await expect(rows).toHaveCount(4);
  await page.getByLabel("Writes without approval").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/withoutApproval=true/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(EMAIL);
  await expect(rows.first()).toContainText(`customer-${TAG}`);
  await expect(rows.first()).toContainText('{"to":"a@b.c"}');
  await expect(page.getByTestId("tool-call-export")).toHaveAttribute("href", /withoutApproval=true/);
});
