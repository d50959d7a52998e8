import type { Metadata } from "next";
import { GraphChanges } from "@/components/graph/graph-changes";
import { GraphFilterForm } from "@/components/graph/graph-filter-form";
import { PipelineMap } from "@/components/graph/pipeline-map";
import { PageHeader } from "@/components/ui/page-header";
import { MAX_GRAPH_RANGE_MS } from "@/lib/analytics/graph/graph-params";
import { requirePageCaller } from "@/lib/auth/require-page";
import { resolveDashboardWindow } from "@/lib/data/dashboards/dashboard-window";
import { getPipelineGraph } from "@/lib/data/graph/pipeline-graph";
import { graphLinks } from "@/lib/format/graph-links";
import { projectPath } from "@/lib/format/project-path";
import { getRequestTimeMs } from "@/lib/format/time";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { firstParam } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Pipeline map" };

const text = (value: string | undefined) => (value?.trim() ? value.trim().slice(0, 500) : undefined);

export default async function PipelineMapPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const { scope, project } = await requirePageCaller((await routeParams).project);
  const params = await searchParams;
  const window = await resolveDashboardWindow(scope, params, getRequestTimeMs(), projectPath(project.slug, "/traces"));
  const fromMs = Math.max(window.fromMs, window.toMs - MAX_GRAPH_RANGE_MS);
  const [task, agent] = [text(firstParam(params, "task")), text(firstParam(params, "agent"))];
  const lengthMs = window.toMs - fromMs;
  const graph = await getPipelineGraph(scope, {
    fromMs,
    toMs: window.toMs,
    ...(task ? { task } : {}),
    ...(agent ? { agent } : {}),
    compare: { fromMs: fromMs - lengthMs, toMs: fromMs },
  });
  const gates = { requestsPath: projectPath(project.slug, "/approvals"), ...(agent ? { agent } : {}) };
  const links = graphLinks(graph, window.tracesPath, fromMs, window.toMs, task, gates);

  return (
    <>
      <PageHeader title="Pipeline map" subtitle={`Agents, tools, MCP servers, models and approvals across every trace · ${window.label}`}>
        <GraphFilterForm task={task} agent={agent} params={params} />
      </PageHeader>
      {graph.nodes.length === 0 ? (
        <p className="rounded border border-line p-6 text-sm text-fg-muted">No agent, tool, model or approval spans in this range.</p>
      ) : (
        <PipelineMap nodes={graph.nodes} edges={graph.edges} nodeHref={links.nodes} edgeHref={links.edges} />
      )}
      {graph.comparison ? <GraphChanges comparison={graph.comparison} graph={graph} /> : null}
    </>
  );
}
