import { expect, expectNotPwned, test } from "./fixtures";
import { SEED, XSS_IMG, XSS_SCRIPT } from "./seed-data";

test.describe.configure({ mode: "serial" });

test("list → filter → trace → tree, timeline, tool, error, chat → session", async ({ page, seed, snap }) => {
  // The list shows every seeded trace (all sent within the last hour).
  await page.goto("/traces?range=1h");
  const rows = page.getByTestId("trace-row");
  await expect(rows.filter({ hasText: SEED.runName })).toHaveCount(1);
  await expect(rows.filter({ hasText: SEED.batchName })).toHaveCount(1);
  await snap("trace-list");

  // Filters live in the URL: full-text search, then status.
  await page.getByLabel("Full-text search").fill(SEED.weatherQuery);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(rows.filter({ hasText: SEED.batchName })).toHaveCount(0);
  await expect(rows.filter({ hasText: SEED.followUpName })).toHaveCount(2);
  await page.getByLabel("Status").selectOption("error");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=error/);
  await expect(rows).toHaveCount(1);
  await snap("trace-list-filtered");

  // Open the run: the tree and the timeline show every span.
  await rows.filter({ hasText: SEED.runName }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/traces/${seed.runTraceId}`));
  const spanRows = page.getByTestId("span-row");
  await expect(spanRows).toHaveCount(SEED.runSpanNames.length);
  await expect(page.getByTestId("timeline-bar")).toHaveCount(SEED.runSpanNames.length);
  await expect(page.getByTestId("span-name")).toHaveText([...SEED.runSpanNames]);
  await expect(page.getByTestId("trace-header")).toContainText("error");
  await snap("trace-view");

  // Tool span: arguments and the (hostile) result, as text.
  await spanRows.filter({ hasText: "execute_tool get_weather" }).click();
  await expect(page).toHaveURL(/span=[0-9a-f]{16}/);
  const detail = page.getByTestId("span-detail");
  await expect(detail.getByTestId("span-input")).toContainText('"city": "Paris"');
  await expect(detail.getByTestId("span-output")).toContainText(XSS_SCRIPT.replace(/"/g, '\\"'));
  await expect(detail.getByTestId("span-output")).toContainText("onerror");
  await expectNotPwned(page);
  await snap("tool-span");

  // Errored tool span: the error and its stack are visible.
  await spanRows.filter({ hasText: "execute_tool send_email" }).click();
  await expect(detail.getByTestId("span-error")).toContainText(SEED.emailError);
  await expect(detail.getByTestId("span-input")).toContainText("user@example.com");
  await snap("tool-span-error");

  // LLM span: the conversation as chat, with the tool calls and their arguments.
  await spanRows.filter({ hasText: "chat gpt-4o" }).first().click();
  const chatIn = detail.getByTestId("chat-input");
  await expect(chatIn.locator('[data-role="system"]')).toContainText("weather assistant");
  await expect(chatIn.locator('[data-role="user"]')).toContainText("weather in Paris");
  const calls = detail.getByTestId("chat-output").getByTestId("chat-tool-call");
  await expect(calls).toHaveCount(2);
  await expect(calls.first()).toContainText("get_weather");
  await expect(calls.first()).toContainText('"city": "Paris"');
  await snap("llm-chat");

  // The hostile span name renders as text in the tree.
  await expect(page.getByTestId("span-name").filter({ hasText: XSS_IMG })).toHaveCount(1);
  await expectNotPwned(page);

  // Session page lists the three turns in order, each linking to its trace.
  await page.getByTestId("session-link").click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${SEED.sessionId}`));
  const turns = page.getByTestId("session-turn");
  await expect(turns).toHaveCount(3);
  await expect(turns.first()).toContainText(SEED.runName);
  await expect(turns.nth(1)).toContainText(SEED.followUpName);
  await snap("session");
  await turns.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/traces/${seed.followUpTraceIds[0]}`));
});

test("tree keyboard navigation, collapse and timeline zoom", async ({ page, seed }) => {
  await page.goto(`/traces/${seed.runTraceId}`);
  const tree = page.getByTestId("span-tree");
  const selected = page.locator('[data-testid="span-row"][aria-selected="true"]');
  await expect(selected).toContainText(SEED.runName);

  // The server-rendered tree shows before React has attached its key handlers: a key pressed in that
  // moment is lost (seen once in CI), so the first press is repeated until the selection moves.
  await expect(async () => {
    await tree.focus();
    await page.keyboard.press("ArrowDown");
    await expect(selected).toContainText("chat gpt-4o", { timeout: 1000 });
  }).toPass();
  await page.keyboard.press("End");
  await expect(page.getByTestId("span-detail-name")).toHaveText("chat gpt-4o");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("span-row")).toHaveCount(1);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("span-row")).toHaveCount(SEED.runSpanNames.length);

  // Drag across the axis to zoom; reset restores the whole trace.
  const axis = page.getByTestId("timeline-axis");
  const box = (await axis.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId("reset-zoom")).toBeEnabled();
  await page.getByTestId("reset-zoom").click();
  await expect(page.getByTestId("reset-zoom")).toBeDisabled();

  // Hovering a bar shows its details.
  await page.getByTestId("timeline-bar").nth(3).hover();
  await expect(page.getByTestId("timeline-tooltip")).toContainText("execute_tool send_email");
});

test("theme toggle switches the class on <html> and survives a reload", async ({ page, seed, snap }) => {
  await page.goto("/traces?range=all");
  const toggle = page.getByTestId("theme-toggle");
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.goto(`/traces/${seed.runTraceId}`);
  await page.getByTestId("span-row").filter({ hasText: "execute_tool send_email" }).click();
  await expect(page.getByTestId("span-error")).toBeVisible();
  await snap("trace-view-dark");
  await toggle.click(); // dark → system
  await expect(page.locator("html")).not.toHaveClass(/dark|light/);
});
