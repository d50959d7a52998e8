// The trace page in headless Chromium: when it became interactive (the explorer's hydration mark,
// milliseconds since navigation start), loaded `runs` times after one untimed warm-up.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export async function openTracePage(url: string, cookie: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { cookie } });
      await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
      await page.waitForSelector('[data-testid="trace-explorer"][data-ready="true"]', { timeout: 120_000 });
      const interactive = await page.evaluate(() => performance.getEntriesByName("hindsight:trace-interactive")[0]?.startTime ?? NaN);
      if (i > 0) times.push(interactive);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
