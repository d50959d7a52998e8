import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium (apt package `chromium`) when present: `npx playwright install` cannot download
// browsers here. The flags keep it off the network it cannot reach.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./tests/e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  // One shared server and a 2-core machine: run specs one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    // Signed in as the instance admin (tests/e2e/global-setup.ts writes it); tests of signed-out pages clear it.
    storageState: "test-results/e2e-auth/admin.json",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "ui", use: { browserName: "chromium" } }],
});
