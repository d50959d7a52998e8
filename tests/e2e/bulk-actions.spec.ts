// Bulk actions of the trace list in the browser: build a retro from three selected runs, tag two runs at
// once and see the tag in the list (and counted on the Findings dashboard), export exactly the selection;
// and start a retro from an alert incident.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { createSeedTracer, type SeedTarget } from "./otlp-seed";

test.describe.configure({ mode: "serial" });

const RUN = randomUUID().slice(0, 8);
const names = [0, 1, 2].map((i) => `bulk ${RUN} run ${i}`);

/** Three runs of their own, a minute apart; the last one fails (for the incident test). */
async function seedRuns(target: SeedTarget) {
  const tracer = createSeedTracer(target, "e2e-bulk-agent");
  const t0 = Date.now() - 5 * 60_000;
  names.forEach((name, i) =>
    tracer.emit({
      name,
      startMs: t0 + i * 60_000,
      endMs: t0 + i * 60_000 + 800,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": `bulk-${RUN}` },
      error: i === 2 ? { message: "upstream refused" } : undefined,
    }),
  );
  await tracer.flush();
}

test.beforeAll(async () => {
  await seedRuns({ baseUrl: process.env.HINDSIGHT_E2E_BASE_URL!, apiKey: process.env.HINDSIGHT_E2E_API_KEY ?? "" });
});

const listUrl = `/projects/default/traces?range=1h&q=${encodeURIComponent(`bulk ${RUN}`)}`;

test("build a retro from three selected runs", async ({ page }) => {
  await page.goto(listUrl);
  const rows = page.getByTestId("trace-row");
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Select all runs on this page").check();
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected (compare takes exactly two)");
  await expect(page.getByTestId("compare-selected")).toBeDisabled();

  await page.getByRole("button", { name: "New retro from selected" }).click();
  await expect(page).toHaveURL(/\/projects\/default\/retros\/[0-9a-f-]{36}$/);
  const view = page.getByTestId("retro-view");
  await expect(view.getByRole("heading", { level: 1 })).toHaveText(/^Retro: bulk .* and 2 more$/);
  await expect(view.getByTestId("trace-row")).toHaveCount(3);
  for (const name of names) await expect(view.getByTestId("trace-row").filter({ hasText: name })).toHaveCount(1);
});

test("tag two runs in bulk, see the tag in the list, export just those two", async ({ page, snap }) => {
  const tag = `bulk-${RUN}`;
  await page.goto(listUrl);
  const row = (i: number) => page.getByTestId("trace-row").filter({ hasText: names[i]! });
  await row(0).getByTestId("compare-checkbox").check();
  await row(2).getByTestId("compare-checkbox").check();
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected");
  await snap("trace-list-bulk-actions");

  const download = page.waitForEvent("download");
  await page.getByTestId("bulk-export-csv").click();
  const csv = Buffer.concat((await (await download).createReadStream().then((s) => s.toArray())) as Buffer[]).toString("utf8");
  expect(csv.trim().split("\n")).toHaveLength(3);
  expect(csv).toContain(names[0]);
  expect(csv).toContain(names[2]);
  expect(csv).not.toContain(names[1]);

  await page.getByLabel("Tag for selected runs").fill(tag);
  await page.getByRole("button", { name: "Tag selected" }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText(`Tagged 2 runs with ${tag}.`);
  await expect(row(0).getByTestId("tag")).toHaveText([`${tag}×`]);
  await expect(row(2).getByTestId("tag")).toHaveText([`${tag}×`]);
  await expect(row(1).getByTestId("tag")).toHaveCount(0);

  await page.goto(`/projects/default/traces?range=1h&tag=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("trace-row")).toHaveCount(2);

  // The Findings dashboard counts the tagged runs.
  await page.goto("/projects/default/dashboards/findings");
  await expect(page.getByTestId("tag-total").filter({ hasText: tag })).toHaveText(`${tag}2`);
});

test("create a retro from an alert incident", async ({ page, target }) => {
  const ruleName = `bulk errors ${RUN}`;
  const api = (path: string, body: unknown) =>
    fetch(`${target.baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const rule = await api("/api/v1/alerts/rules", {
    name: ruleName,
    metric: "error_rate",
    scope: "task",
    scopeValue: names[2],
    threshold: 0.5,
    minRuns: 1,
    enabled: false,
  });
  expect(rule.status).toBe(201);
  const evaluated = await api(`/api/v1/alerts/rules/${((await rule.json()) as { id: string }).id}/evaluate`, {});
  expect(((await evaluated.json()) as { transition: string }).transition).toBe("fire");

  await page.goto("/projects/default/alerts");
  const incident = page.getByTestId("open-incidents").getByTestId("incident-row").filter({ hasText: ruleName });
  await incident.getByRole("button", { name: "Create retro" }).click();
  await expect(page).toHaveURL(/\/projects\/default\/retros\/[0-9a-f-]{36}$/);
  const view = page.getByTestId("retro-view");
  await expect(view.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Incident: ${ruleName} \\(`));
  await expect(view.getByLabel("Severity")).toHaveValue("sev2");
  await expect(view.getByRole("region", { name: "Summary" })).toContainText(`Alert rule ${ruleName}`);
  await expect(view.getByTestId("trace-row").filter({ hasText: names[2] })).toHaveCount(1);
  await expect(page.getByTestId("retro-timeline")).toContainText(`Alert "${ruleName}" fired`);

  // The retro names its incident and links back to it; the incident lists the retro.
  const title = await view.getByRole("heading", { level: 1 }).innerText();
  await view.getByTestId("retro-incident").getByRole("link", { name: ruleName }).click();
  await expect(page).toHaveURL(/\/projects\/default\/alerts#incident-/);
  const row = page.getByTestId("open-incidents").getByTestId("incident-row").filter({ hasText: ruleName });
  await row.getByTestId("incident-retros").getByRole("link", { name: title }).click();
  await expect(page.getByTestId("retro-view").getByRole("heading", { level: 1 })).toHaveText(title);
});
