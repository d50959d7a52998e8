// The dashboard pages the analytics benchmark times: each dashboard at its default range (last 24 h,
// no parameter) and over 30 days (`range=30d`, the time-range picker's URL parameter,
// lib/trace/time-range.ts). Server response time of the whole HTML, as a first visit would see it.
import type { RunningServer } from "../../tests/support/hindsight-server";
import { signIn } from "../../tests/support/sign-in";
import { getPage, timeRuns } from "./timing";

const DASHBOARDS = ["latency", "cost", "drift"] as const;
const RANGES = [
  { label: "24h", query: "" },
  { label: "30d", query: "?range=30d" },
] as const;

export const PAGE_TABLE_HEADER = [
  "| database | page                 | range | KiB   | median ms | max ms |",
  "|----------|----------------------|-------|-------|-----------|--------|",
];

/** One table row per dashboard and range. */
export async function benchPages(server: RunningServer, database: string, runs: number): Promise<string[]> {
  const lines: string[] = [];
  const cookie = await signIn(server.baseUrl, server.admin.email, server.admin.password);
  for (const dashboard of DASHBOARDS) {
    for (const range of RANGES) {
      const page = `/dashboards/${dashboard}`;
      const { first, medianMs, maxMs } = await timeRuns(runs, () => getPage(server, `/projects/default${page}${range.query}`, cookie));
      lines.push(
        `| ${database.padEnd(8)} | ${page.padEnd(20)} | ${range.label.padEnd(5)} | ${String(Math.round(first.bytes / 1024)).padStart(5)} | ${medianMs.toFixed(1).padStart(9)} | ${maxMs.toFixed(1).padStart(6)} |`,
      );
    }
  }
  return lines;
}
