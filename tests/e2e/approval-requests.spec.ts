// The approval requests page against the shared server, from approvals traced by our SDK's traceApproval in
// the planted two-agent pipeline (a real MCP server and client too), sent over OTLP/JSON: every request with
// its decision, approver and wait, the decision filter through the form, and the link to the trace.
import { randomUUID } from "node:crypto";
import { otlpJson, runPlantedPipeline, type PlantedPipeline } from "../integration/pipeline/planted-pipeline";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let planted!: PlantedPipeline;
const TAG = randomUUID().slice(0, 8);
// Four days back: waits of minutes in the last 24 hours would change the latency dashboard that dashboards.spec reads.
const START = Date.now() - 4 * 86_400_000;

test.beforeAll(async ({ target }) => {
  planted = await runPlantedPipeline(TAG, [
    { startMs: START, llmMs: [100, 400], approvalMs: 60_000, refundFails: false, model2: "gpt-4o", decision: "approved", approver: `lead-${TAG}` },
    { startMs: START + 120_000, llmMs: [100, 400], approvalMs: 30_000, refundFails: false, model2: "gpt-4o", decision: "rejected", approver: `finance-${TAG}` },
    { startMs: START + 240_000, llmMs: [100, 400], approvalMs: 95_000, refundFails: false, model2: "gpt-4o", decision: "timed_out" },
  ]);
  const response = await fetch(`${target.baseUrl}/v1/traces`, {
    method: "POST",
    headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" },
    body: otlpJson(planted.spans),
  });
  expect(response.status).toBe(200);
});

test("approval requests: decisions, approvers, waits, the decision filter and the trace link", async ({ page, snap }) => {
  await page.goto(`/projects/default/approvals?range=7d&agent=${encodeURIComponent(planted.refunds)}`);
  await expect(page.getByRole("link", { name: "Approval requests" })).toHaveAttribute("aria-current", "page");
  const rows = page.getByTestId("approval-request-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("timed out");
  await expect(rows.nth(0).getByTestId("approval-wait")).toHaveText("1m 35s");
  await expect(rows.nth(1)).toContainText(`finance-${TAG}`);
  await expect(rows.nth(1).getByTestId("approval-wait")).toHaveText("30.0 s");
  await expect(rows.nth(2)).toContainText(`lead-${TAG}`);
  await expect(rows.nth(2)).toContainText("issue_refund");
  await expect(rows.nth(2)).toContainText(planted.task);
  await snap("approval-requests");

  await page.getByTestId("approval-request-filters").getByLabel("Decision").selectOption("rejected");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/decision=rejected/);
  await expect(page).toHaveURL(/range=7d/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("decision-badge")).toHaveAttribute("data-decision", "rejected");

  await rows.first().getByRole("link", { name: "Open trace" }).click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?span=[0-9a-f]{16}/);
  await expect(page.getByText(`approval issue_refund`).first()).toBeVisible();
});
