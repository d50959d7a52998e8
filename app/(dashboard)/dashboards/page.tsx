import { redirect } from "next/navigation";
import { TIME_RANGE_PARAMS } from "@/lib/trace/time-range";
import { buildHref, type SearchParamsRecord } from "@/lib/trace/url-state";

/** /dashboards opens the first dashboard, keeping the time range. */
export default async function DashboardsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  redirect(buildHref("/dashboards/latency", await searchParams, {}, TIME_RANGE_PARAMS));
}
