// `npm run bench:ui`: how fast the trace explorer is on a 10,000-span trace, how fast the trace list
// answers with many spans stored (also filtered by finding and failure mode), and the server time of the
// critical path and the diff of two 10,000-span traces. Starts a production server on a fresh SQLite
// database (or uses --url and --key), seeds it through the real OTLP exporter, then measures in headless
// Chromium.
//
//   npm run bench:ui                          10,000-span trace, list timings over the same data
//   npm run bench:ui -- --spans 1000000       also fill the database to ~1M spans first (takes minutes)
//   npm run bench:ui -- --url http://localhost:3000 --key hs_…   against a running local server
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { startHindsight } from "../tests/support/hindsight-server";
import { assertLocalTarget, type SeedTarget } from "../tests/e2e/otlp-seed";
import { seedFillerTraces, seedLargeTrace } from "../tests/e2e/large-trace-seed";
import { signIn } from "../tests/support/sign-in";
import { waitForFindings } from "./bench/findings-drain";

const { values } = parseArgs({
  options: {
    spans: { type: "string", default: "0" },
    "trace-spans": { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
    url: { type: "string" },
    key: { type: "string" },
  },
});

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function timeFetch(url: string, headers: Record<string, string>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    // Manual redirects: a page answering a redirect (to /login, say) must fail here, not time the login page.
    const res = await fetch(url, { headers, redirect: "manual" });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} → ${res.status}`);
    if (i > 0) times.push(performance.now() - t0); // the first request warms caches and compiles
  }
  return median(times);
}

async function measureTraceView(baseUrl: string, traceId: string, runs: number, session: Record<string, string>) {
  const browser = await chromium.launch({
    executablePath: (await import("node:fs")).existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results: {
    ttfb: number;
    fcp: number;
    rows: number;
    bars: number;
    interactive: number;
    detailReady: number;
    selectToDetail: number;
    collapseAll: number;
    expandAll: number;
    scrollEnd: number;
  }[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      // Signed in (the page answers a redirect to /login otherwise).
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: session });
      await page.goto(`${baseUrl}/projects/default/traces/${traceId}`, { waitUntil: "commit" });
      await page.waitForSelector('[data-testid="trace-explorer"][data-ready="true"]', { timeout: 120_000 });
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
        const interactive = performance.getEntriesByName("hindsight:trace-interactive")[0]?.startTime ?? NaN;
        return { ttfb: nav.responseStart, fcp, interactive };
      });
      // The selected span's full detail (inputs, outputs…) is loaded after hydration.
      // Locators, not waitForFunction: a string predicate is eval'd in the page, which its CSP forbids, and
      // tsx would add helper calls to a function predicate that do not exist in the page.
      await page.locator('[data-testid="span-detail"][data-loaded="true"]').waitFor({ state: "attached", timeout: 120_000 });
      const detailReady = await page.evaluate(() => performance.now());
      // Rows and bars are in the server-rendered HTML, so they paint with the first contentful paint.
      const rows = await page.getByTestId("span-row").count();
      const bars = await page.getByTestId("timeline-bar").count();
      const clickAndSettle = (label: string) =>
        page.evaluate(async (name) => {
          const button = [...document.querySelectorAll("button")].find((b) => b.textContent === name)!;
          const t0 = performance.now();
          button.click();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }, label);
      const rowId = await page.getByTestId("span-row").nth(20).getAttribute("data-span-id");
      const clickedAt = await page.evaluate((id) => {
        document.querySelector<HTMLElement>(`[data-testid="span-row"][data-span-id="${id}"]`)!.click();
        return performance.now();
      }, rowId);
      await page.locator(`[data-testid="span-detail"][data-span-id="${rowId}"][data-loaded="true"]`).waitFor({ state: "attached" });
      const selectToDetail = (await page.evaluate(() => performance.now())) - clickedAt;
      const collapseAll = await clickAndSettle("Collapse all");
      const expandAll = await clickAndSettle("Expand all");
      const scrollEnd = await page.evaluate(async () => {
        const tree = document.querySelector('[data-testid="span-tree"]')!;
        const t0 = performance.now();
        tree.scrollTop = tree.scrollHeight;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      });
      if (i > 0) results.push({ ...timing, rows, bars, detailReady, selectToDetail, collapseAll, expandAll, scrollEnd });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const pick = (key: keyof (typeof results)[number]) => median(results.map((r) => r[key]));
  return {
    ttfb: pick("ttfb"),
    fcp: pick("fcp"),
    interactive: pick("interactive"),
    detailReady: pick("detailReady"),
    selectToDetail: pick("selectToDetail"),
    rows: pick("rows"),
    bars: pick("bars"),
    collapseAll: pick("collapseAll"),
    expandAll: pick("expandAll"),
    scrollEnd: pick("scrollEnd"),
  };
}

async function main(): Promise<void> {
  const traceSpans = Number(values["trace-spans"]);
  const totalSpans = Math.max(Number(values.spans), traceSpans);
  const runs = Number(values.runs);
  const server = values.url ? null : await startHindsight({ database: "sqlite" });
  const target: SeedTarget = { baseUrl: server?.baseUrl ?? values.url!, apiKey: server?.apiKey ?? values.key ?? process.env.HINDSIGHT_API_KEY ?? "" };
  assertLocalTarget(target.baseUrl);
  try {
    console.log(`[bench:ui] server ${target.baseUrl}${server ? " (production build, fresh SQLite)" : ""}`);
    let t0 = performance.now();
    const traceId = await seedLargeTrace(target, traceSpans);
    // A second large run of the same task, an hour earlier: the pair the diff is timed on.
    const otherTraceId = await seedLargeTrace(target, traceSpans, Date.now() - 3_600_000);
    console.log(`[bench:ui] seeded two ${traceSpans.toLocaleString("en-US")}-span traces in ${fmt(performance.now() - t0)}`);
    if (totalSpans > traceSpans) {
      t0 = performance.now();
      await seedFillerTraces(target, totalSpans - traceSpans, (sent) =>
        process.stdout.write(`\r[bench:ui] filler spans sent: ${sent.toLocaleString("en-US")}`),
      );
      console.log(`\n[bench:ui] stored ~${totalSpans.toLocaleString("en-US")} spans in ${fmt(performance.now() - t0)}`);
    }

    if (server) {
      t0 = performance.now();
      const settled = await waitForFindings(server.databaseUrl);
      console.log(`[bench:ui] findings of every trace stored ${settled === null ? "(gave up waiting)" : fmt(settled * 1000)} after the last span`);
    }

    const auth = { Authorization: `Bearer ${target.apiKey}` };
    // Dashboard pages need a session: the benchmark's own server has a known admin (a --url server: pages unauthenticated).
    const session: Record<string, string> = server ? { cookie: await signIn(server.baseUrl, server.admin.email, server.admin.password) } : {};
    const tracesPage = `${target.baseUrl}/projects/default/traces`;
    const list = {
      page: await timeFetch(`${tracesPage}?range=all`, session, runs),
      pageFiltered: await timeFetch(`${tracesPage}?range=all&status=error&minDurationMs=100`, session, runs),
      pageSearch: await timeFetch(`${tracesPage}?range=all&q=refund`, session, runs),
      pageLoops: await timeFetch(`${tracesPage}?range=all&finding=tool_loop`, session, runs),
      api: await timeFetch(`${target.baseUrl}/api/v1/traces?limit=50`, auth, runs),
      apiFiltered: await timeFetch(`${target.baseUrl}/api/v1/traces?limit=50&model=gpt-4o&minCostUsd=0.001`, auth, runs),
      apiLoops: await timeFetch(`${target.baseUrl}/api/v1/traces?limit=50&finding=tool_loop`, auth, runs),
      apiFailures: await timeFetch(`${target.baseUrl}/api/v1/traces?limit=50&finding=failure`, auth, runs),
      apiFailureMode: await timeFetch(`${target.baseUrl}/api/v1/traces?limit=50&failureMode=tool_error`, auth, runs),
      apiCycles: await timeFetch(`${target.baseUrl}/api/v1/traces?limit=50&finding=agent_cycle`, auth, runs),
    };
    const retro = {
      criticalPath: await timeFetch(`${target.baseUrl}/api/v1/traces/${traceId}/critical-path`, auth, runs),
      diff: await timeFetch(`${target.baseUrl}/api/v1/traces/diff?a=${otherTraceId}&b=${traceId}`, auth, runs),
    };
    console.log(`\nTrace list with ~${totalSpans.toLocaleString("en-US")} spans stored (median of ${runs}):`);
    console.log(`  /traces page (HTML)                ${fmt(list.page)}   target < 300 ms`);
    console.log(`  /traces?status=error&minDuration   ${fmt(list.pageFiltered)}`);
    console.log(`  /traces?q=refund (full text)       ${fmt(list.pageSearch)}`);
    console.log(`  GET /api/v1/traces                 ${fmt(list.api)}`);
    console.log(`  GET /api/v1/traces (model, cost)   ${fmt(list.apiFiltered)}`);
    console.log(`  /traces?finding=tool_loop (HTML)   ${fmt(list.pageLoops)}   target < 300 ms`);
    console.log(`  GET …?finding=tool_loop            ${fmt(list.apiLoops)}   target < 300 ms`);
    console.log(`  GET …?finding=failure              ${fmt(list.apiFailures)}   target < 300 ms`);
    console.log(`  GET …?failureMode=tool_error       ${fmt(list.apiFailureMode)}   target < 300 ms`);
    console.log(`  GET …?finding=agent_cycle (none)   ${fmt(list.apiCycles)}   target < 300 ms`);
    console.log(`\nRetro analysis of ${traceSpans.toLocaleString("en-US")}-span traces (request to last byte, median of ${runs}, local server):`);
    console.log(`  GET …/critical-path                ${fmt(retro.criticalPath)}   target < 500 ms`);
    console.log(`  GET /api/v1/traces/diff (a, b)     ${fmt(retro.diff)}   target < 500 ms`);
    // Last: a browser failure here leaves the figures above printed.
    const view = await measureTraceView(target.baseUrl, traceId, runs, session);
    console.log(`\nTrace view, ${traceSpans.toLocaleString("en-US")} spans (median of ${runs} loads, headless Chromium):`);
    console.log(`  server response (TTFB)             ${fmt(view.ttfb)}`);
    console.log(`  first render of tree + timeline    ${fmt(view.fcp)}   (${view.rows} rows, ${view.bars} bars in the first screen, server-rendered)`);
    console.log(`  interactive (hydrated)             ${fmt(view.interactive)}   target < 1500 ms`);
    console.log(`  selected span's full detail shown  ${fmt(view.detailReady)}   (loaded on demand)`);
    console.log(`  click another span → its detail    ${fmt(view.selectToDetail)}`);
    console.log(`  collapse all / expand all          ${fmt(view.collapseAll)} / ${fmt(view.expandAll)}`);
    console.log(`  scroll to the last span            ${fmt(view.scrollEnd)}`);
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:ui] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
