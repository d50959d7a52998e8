// One trace per framework, as its real library sent it (tests/e2e/frameworks-seed.ts): its conversation must
// render as chat, never as LangChain serialisation or escaped JSON, and its tool results as results.
import { test, expect } from "./fixtures";
import { fixtureSpans, seedFrameworkTraces, type FrameworkFixture } from "./frameworks-seed";
import type { Page } from "@playwright/test";

test.beforeAll(async () => {
  await seedFrameworkTraces({ baseUrl: process.env.HINDSIGHT_E2E_BASE_URL!, apiKey: process.env.HINDSIGHT_E2E_API_KEY ?? "" });
});

/** Opens the trace of `fixture` with the span `spanName` (its `index`-th) selected; returns the detail panel. */
async function openSpan(page: Page, fixture: FrameworkFixture, spanName: string, index = 0) {
  const span = fixtureSpans(fixture, spanName)[index]!;
  await page.goto(`/traces/${span.traceId}?span=${span.spanId}`);
  const detail = page.getByTestId("span-detail");
  await expect(detail).toHaveAttribute("data-loaded", "true");
  await expect(page.getByTestId("span-detail-name")).toHaveText(spanName);
  return detail;
}

/** No raw LangChain serialisation and no escaped JSON anywhere in the panel. */
async function expectReadable(detail: ReturnType<Page["getByTestId"]>) {
  const text = await detail.innerText();
  expect(text).not.toContain('"lc":1');
  expect(text).not.toContain('\\"');
}

const CONVERSATIONS: { fixture: FrameworkFixture; span: string; index: number; roles: string[]; result: string }[] = [
  { fixture: "openinference-anthropic", span: "Anthropic Messages", index: 1, roles: ["user", "assistant", "user"], result: '"forecast": "rain"' },
  { fixture: "traceloop-anthropic", span: "chat claude-haiku-4-5", index: 1, roles: ["system", "user", "assistant", "user"], result: '"inStock": 17' },
  { fixture: "anthropic-sdk", span: "anthropic.messages.create", index: 1, roles: ["user"], result: '"forecast": "snow"' },
  { fixture: "langgraph", span: "support_graph", index: 0, roles: ["user"], result: '"forecast": "sunny"' },
  { fixture: "mastra", span: "step: 1", index: 0, roles: ["system", "user", "assistant", "tool"], result: '"status": "shipped"' },
  { fixture: "vercel-ai", span: "ai.generateText.doGenerate", index: 1, roles: ["system", "user", "assistant", "tool"], result: '"status": "shipped"' },
  { fixture: "openai-agents", span: "generation", index: 2, roles: ["system", "user", "assistant", "tool", "assistant", "tool"], result: '"status": "paid"' },
];

for (const { fixture, span, index, roles, result } of CONVERSATIONS) {
  test(`${fixture}: the conversation renders as chat with tool results as results`, async ({ page }) => {
    const detail = await openSpan(page, fixture, span, index);
    const messages = detail.getByTestId("chat-input").getByTestId("chat-message");
    await expect(messages.first()).toBeVisible();
    const shownRoles = await messages.evaluateAll((items) => items.map((item) => item.getAttribute("data-role")));
    expect(shownRoles.slice(0, roles.length)).toEqual(roles);
    await expect(detail.getByTestId("chat-tool-result").filter({ hasText: result })).toHaveCount(1);
    await expectReadable(detail);
  });
}

test("langgraph: a tool call's output is the result, not a serialised ToolMessage; routing values are plain", async ({ page }) => {
  let detail = await openSpan(page, "langgraph", "get_weather");
  await expect(detail.getByTestId("span-output")).toContainText('"celsius": 21');
  await expectReadable(detail);
  detail = await openSpan(page, "langgraph", "RunnableLambda", 1);
  await expect(detail.getByTestId("span-output")).toHaveText(/^Output\s*tools/);
  await expect(detail.getByTestId("chat-output")).toHaveCount(0);
});

test("vercel-ai: a step that only calls tools shows an assistant tool call with parsed arguments", async ({ page }) => {
  const detail = await openSpan(page, "vercel-ai", "ai.generateText.doGenerate", 0);
  const call = detail.getByTestId("chat-output").getByTestId("chat-tool-call");
  await expect(call).toContainText("lookupOrder");
  await expect(call).toContainText('"orderId": "A-1042"');
  await expectReadable(detail);
});

test("vercel-ai-approval: a denied tool call stays visible in the tree and in the conversation", async ({ page }) => {
  const detail = await openSpan(page, "vercel-ai-approval", "ai.generateText.doGenerate", 1);
  await expect(page.getByTestId("span-row").filter({ hasText: "tool approval issueRefund" })).toBeVisible();
  await expect(detail.locator('[data-testid="chat-tool-result"][data-status="denied"]')).toContainText("Refunds above 20 EUR need a receipt.");
});

test("mcp: the tool call shows its arguments and result unwrapped", async ({ page }) => {
  const detail = await openSpan(page, "mcp-openllmetry", "get_forecast.tool");
  await expect(detail.getByTestId("span-input")).toContainText('"city": "Nantes"');
  await expect(detail.getByTestId("span-input")).not.toContainText("tool_name");
  await expect(detail.getByTestId("span-output")).toContainText('"forecast": "windy"');
  await expectReadable(detail);
});
