import "server-only";
// The time window a dashboard covers: the URL's shared time range, with "all time" (no `from`) starting
// at the oldest stored trace, so charts span the data rather than the epoch.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { resolveTimeRange } from "@/lib/trace/time-range";
import { firstParam, type SearchParamsRecord } from "@/lib/trace/url-state";

/** A dashboard's time window, and the trace list its numbers link to. */
export type DashboardWindow = { fromMs: number; toMs: number; label: string; tracesPath: string };

const DAY_MS = 86_400_000;
/** Longest window a dashboard reads: 1,500 day buckets, the analytics API's own limit. */
const MAX_WINDOW_MS = 1500 * DAY_MS;

/** The window of the URL's `range`/`from`/`to` at `nowMs`. */
export async function resolveDashboardWindow(scope: ProjectScope, params: SearchParamsRecord, nowMs: number, tracesPath: string): Promise<DashboardWindow> {
  const range = resolveTimeRange({ range: firstParam(params, "range"), from: firstParam(params, "from"), to: firstParam(params, "to") }, nowMs);
  const toMs = range.to ? Date.parse(range.to) : nowMs;
  let fromMs = range.from ? Date.parse(range.from) : await getOldestTraceStartMs(scope);
  if (fromMs === null || fromMs >= toMs) fromMs = toMs - DAY_MS;
  return { fromMs: Math.max(fromMs, toMs - MAX_WINDOW_MS), toMs, label: range.label, tracesPath };
}

async function getOldestTraceStartMs(scope: ProjectScope): Promise<number | null> {
  const oldest = await getPrisma().trace.findFirst({ where: { projectId: scope.projectId }, orderBy: { startNs: "asc" }, select: { startNs: true } });
  return oldest ? Number(oldest.startNs / 1_000_000n) : null;
}
