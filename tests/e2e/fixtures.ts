// Test fixtures: the seeded server's address as baseURL, the seeded ids, and a screenshot helper.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import type { SeedTarget } from "./otlp-seed";
import type { SeedResult } from "./seed-data";

const SCREENSHOT_DIR = path.join("test-results", "screenshots");

type Fixtures = { seed: SeedResult; target: SeedTarget; snap: (name: string) => Promise<void>; failOnConsoleErrors: void };

// Dev-server noise, not application errors (the suite normally runs against a production build).
const IGNORED_CONSOLE = [/\[HMR\]/, /webpack-hmr|_next\/hmr|WebSocket/];

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.HINDSIGHT_E2E_BASE_URL;
    if (!url) throw new Error("HINDSIGHT_E2E_BASE_URL is unset: run through playwright.config.ts (globalSetup)");
    await use(url);
  },
  target: async ({ baseURL }, use) => {
    await use({ baseUrl: baseURL!, apiKey: process.env.HINDSIGHT_E2E_API_KEY ?? "" });
  },
  seed: async ({}, use) => {
    await use(JSON.parse(process.env.HINDSIGHT_E2E_SEED ?? "null") as SeedResult);
  },
  // Any uncaught exception or console error (hydration mismatch, React warning, failed chunk) fails the test.
  failOnConsoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !IGNORED_CONSOLE.some((re) => re.test(message.text()))) errors.push(message.text());
      });
      await use();
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  snap: async ({ page }, use) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await use(async (name: string) => {
      // After hydration, and without Playwright's caret hiding, which edits inputs React has yet to hydrate.
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), caret: "initial" });
    });
  },
});

/** Fails the test if the page ran any injected script. */
export async function expectNotPwned(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

export { expect };
