import { redirect } from "next/navigation";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { TIME_RANGE_PARAMS } from "@/lib/trace/time-range";
import { buildHref } from "@/lib/trace/url-state";

/** /dashboards opens the first dashboard, keeping the time range. */
export default async function DashboardsPage({ params, searchParams }: ProjectPageProps) {
  const { project } = await requirePageCaller((await params).project);
  redirect(buildHref(projectPath(project.slug, "/dashboards/latency"), await searchParams, {}, TIME_RANGE_PARAMS));
}
