import { redirectIntoFirstProject } from "@/lib/auth/require-page";
import type { SearchParamsRecord } from "@/lib/trace/url-state";

type Props = { params: Promise<{ rest?: string[] }>; searchParams: Promise<SearchParamsRecord> };

/** /dashboards/… from before projects: the same page in the user's first project. */
export default async function LegacyDashboardsPage({ params, searchParams }: Props) {
  const rest = (await params).rest ?? [];
  return redirectIntoFirstProject(["/dashboards", ...rest.map(encodeURIComponent)].join("/"), await searchParams);
}
