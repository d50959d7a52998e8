// The pipeline map against a real server: the planted two-agent pipeline (our SDK, a real MCP server and
// client) is sent over OTLP/JSON, the map draws its nodes and edges with React Flow, and clicking an edge
// opens the trace list filtered to the traces that took it; the trace's own map highlights its path.
import { randomUUID } from "node:crypto";
import { otlpJson, runPlantedPipeline, type PlantedPipeline } from "../integration/pipeline/planted-pipeline";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let planted!: PlantedPipeline;
const START = Date.now() - 2 * 3_600_000;

test.beforeAll(async ({ target }) => {
  planted = await runPlantedPipeline(randomUUID().slice(0, 8), [
    { startMs: START, llmMs: [100, 400], approvalMs: 60_000, refundFails: false, model2: "gpt-4o" },
    { startMs: START + 60_000, llmMs: [200, 400], approvalMs: 30_000, refundFails: true, model2: "gpt-4o" },
  ]);
  const response = await fetch(`${target.baseUrl}/v1/traces`, {
    method: "POST",
    headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" },
    body: otlpJson(planted.spans),
  });
  expect(response.status).toBe(200);
});

test("the planted pipeline renders and an edge opens its traces", async ({ page, snap }) => {
  await page.goto(`/dashboards/map?range=24h&task=${encodeURIComponent(planted.task)}`);
  await expect(page.getByRole("link", { name: "Pipeline map" })).toHaveAttribute("aria-current", "page");
  const map = page.getByTestId("pipeline-map");
  for (const name of [planted.triage, planted.refunds, planted.server, "lookup_order", "gpt-4o-mini", "issue_refund"])
    await expect(map.locator(".react-flow__node").filter({ hasText: name }).first()).toBeVisible();
  await expect(map.locator(".react-flow__node")).toHaveCount(8);
  // Seven call and hand-off edges, and the approval gate's line on to the tool it guards.
  await expect(map.locator(".react-flow__edge")).toHaveCount(8);
  const gate = map.getByTestId("approval-gate");
  await expect(gate).toContainText("Approval gate · guards tool");
  await expect(gate).toContainText("2 requests · wait p95");
  await expect(gate).toContainText("100 % approved · 0 % rejected");
  await expect(map.getByTestId("rf__edge-approval:issue_refund=>tool:issue_refund")).toBeVisible();
  await snap("pipeline-map");

  const handoff = `agent:${planted.triage}->agent:${planted.refunds}`;
  await map.getByTestId(`rf__edge-${handoff}`).locator(".react-flow__edge-textwrapper").click();
  await expect(page).toHaveURL(/\/traces\?/);
  expect(new URL(page.url()).searchParams.get("graphEdge")).toBe(handoff);
  const rows = page.getByRole("row").filter({ hasText: planted.task });
  await expect(rows).toHaveCount(2);

  await rows.first().click();
  await page.getByRole("link", { name: "Pipeline map" }).last().click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\/map$/);
  await expect(page.getByTestId("pipeline-map").locator(".react-flow__node")).toHaveCount(8);
});

test("an approval gate opens the approval requests of its action", async ({ page }) => {
  await page.goto(`/dashboards/map?range=24h&task=${encodeURIComponent(planted.task)}`);
  await page.getByTestId("pipeline-map").getByTestId("approval-gate").click();
  await expect(page).toHaveURL(/\/approvals\?/);
  const url = new URL(page.url());
  expect([url.searchParams.get("action"), url.searchParams.get("task")]).toEqual(["issue_refund", planted.task]);
  await expect(page.getByTestId("approval-request-row")).toHaveCount(2);
});
