import type { Metadata } from "next";
import { ToolCallFilters } from "@/components/governance/tool-call-filters";
import { ToolCallTable } from "@/components/governance/tool-call-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listToolCalls } from "@/lib/data/governance/tool-calls";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { parseToolCallParams } from "@/lib/trace/tool-call-params";
import { buildHref, toUrlSearchParams } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Tool calls" };

const FILTERS = ["tool", "server", "agent", "userId", "effect", "status", "withoutApproval", "from", "to"] as const;

export default async function ToolCallsPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = toUrlSearchParams(await searchParams);
  const query = parseToolCallParams(params, { ignoreUnknown: true });
  const path = projectPath(project.slug, "/tool-calls");
  const page = query.ok ? await listToolCalls(scope, query) : null;
  const filters = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filters.set(key, value);
  }
  const exportHref = `/api/v1/tool-calls/export?${new URLSearchParams([["project", project.slug], ...filters])}`;
  return (
    <div className="flex flex-col gap-4 p-4">
      <PageHeader title="Tool calls" subtitle="Every tool call: which tool, MCP server, agent and user, its effect, status and arguments." />
      <ToolCallFilters action={path} values={Object.fromEntries(filters)} exportHref={exportHref} />
      {query.ok ? null : (
        <p className="text-sm text-danger" role="alert">
          {query.parameter}: {query.message}
        </p>
      )}
      {page ? <ToolCallTable calls={page.data} /> : null}
      {page?.nextCursor ? (
        <a href={buildHref(path, params, { cursor: page.nextCursor })} className="text-sm text-accent hover:underline">
          Older calls →
        </a>
      ) : null}
    </div>
  );
}
