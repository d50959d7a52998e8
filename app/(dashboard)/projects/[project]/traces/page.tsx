import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { SendFirstTrace } from "@/components/onboarding/send-first-trace";
import { LiveRefresh } from "@/components/traces/live-refresh";
import { TraceFilters } from "@/components/traces/trace-filters";
import { TracePagination } from "@/components/traces/trace-pagination";
import { TraceTable } from "@/components/traces/trace-table";
import { PageHeader } from "@/components/ui/page-header";
import { parseTraceFilters } from "@/lib/trace/trace-params";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { getRequestTimeMs } from "@/lib/format/time";
import { listTraces } from "@/lib/data/traces/traces";
import { suggestedTags } from "@/lib/retro/collab/tag-suggestions";
import { listTagVocabulary, tagsOfTraces } from "@/lib/data/collab/tags";
import { listRetros } from "@/lib/data/collab/retros";
import { resolveTimeRange } from "@/lib/trace/time-range";
import { buildTraceQuery, countActiveFilters } from "@/lib/trace/trace-list-params";
import { buildHref, firstParam } from "@/lib/trace/url-state";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const caller = await requirePageCaller((await routeParams).project);
  const tracesPath = projectPath(caller.project.slug, "/traces");
  const params = await searchParams;
  const nowMs = getRequestTimeMs();
  const range = resolveTimeRange({ range: firstParam(params, "range"), from: firstParam(params, "from"), to: firstParam(params, "to") }, nowMs);
  const parsed = parseTraceFilters(buildTraceQuery(params, range), { ignoreUnknown: true });
  const isLive = firstParam(params, "live") === "1";
  const isFirstPage = !firstParam(params, "cursor");

  const header = (
    <PageHeader title="Traces" subtitle={range.label}>
      <LiveRefresh isEnabled={isLive} isFirstPage={isFirstPage} />
    </PageHeader>
  );

  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-4 p-4">
        {header}
        <TraceFilters />
        <p role="alert" className="rounded border border-danger/40 bg-danger-soft p-3 text-sm text-danger">
          Invalid <code className="font-mono">{parsed.parameter}</code>: {parsed.message}
        </p>
      </div>
    );
  }

  const [page, vocabulary, retros] = await Promise.all([listTraces(caller.scope, parsed), listTagVocabulary(caller.scope), listRetros(caller.scope)]);
  const tagsByTrace = Object.fromEntries(
    await tagsOfTraces(
      caller.scope,
      page.data.map((t) => t.traceId),
    ),
  );
  const tagNames = suggestedTags(vocabulary.map((v) => v.tag));
  const isEmptyView = page.data.length === 0;
  const isFreshInstall = isEmptyView && isFirstPage && (await listTraces(caller.scope, { filters: {}, limit: 1 })).data.length === 0;

  if (isFreshInstall) {
    return (
      <div className="flex flex-col gap-4 p-4">
        <PageHeader title="No traces yet" subtitle="Send your first trace to see it here." />
        <SendFirstTrace endpoint={getRequestOrigin(await headers())} projectSlug={caller.project.slug} canCreateKey={can(caller, "admin")} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4 p-4">
      {header}
      <TraceFilters tagVocabulary={tagNames} />
      {isEmptyView ? (
        <div className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted" data-testid="no-results">
          No traces match {countActiveFilters(params) > 0 ? "these filters" : "this time range"}.{" "}
          <Link className="text-accent hover:underline" href={buildHref(tracesPath, params, { range: "all", from: null, to: null, cursor: null })}>
            Search all time
          </Link>
        </div>
      ) : (
        <TraceTable
          traces={page.data}
          params={params}
          sort={parsed.sort}
          order={parsed.order}
          nowMs={nowMs}
          tagging={{ projectSlug: caller.project.slug, tagsByTrace, vocabulary: tagNames, canEdit: can(caller, "write") }}
          openRetros={retros.filter((r) => r.status === "open").map((r) => ({ id: r.id, title: r.title }))}
        />
      )}
      <TracePagination params={params} nextCursor={page.nextCursor} isFirstPage={isFirstPage} shownCount={page.data.length} />
    </div>
  );
}
