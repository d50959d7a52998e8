import { expect, test } from "./fixtures";

// A second server with an empty database: what a user sees right after installing.
test("a fresh install explains how to send the first trace", async ({ page, snap }) => {
  test.skip(Boolean(process.env.HINDSIGHT_E2E_EXTERNAL), "needs its own empty server");
  const { startHindsight } = await import("../support/hindsight-server");
  const server = await startHindsight({ database: "sqlite" });
  try {
    await page.goto(`${server.baseUrl}/traces`);
    const onboarding = page.getByTestId("onboarding");
    await expect(onboarding).toContainText(`${server.baseUrl}/v1/traces`);
    await expect(onboarding).toContainText("HINDSIGHT_INIT_API_KEY");
    await expect(onboarding).toContainText("npm run demo");
    await expect(onboarding.locator("figcaption")).toContainText(["environment", "Node.js", "Python"]);
    await expect(onboarding.locator("pre").filter({ hasText: "OTLPSpanExporter" })).toContainText(`endpoint="${server.baseUrl}/v1/traces"`);
    await snap("empty-state");
  } finally {
    await server.stop();
  }
});
