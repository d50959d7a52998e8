import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PipelineMap } from "@/components/graph/pipeline-map";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getPipelineGraph } from "@/lib/data/graph/pipeline-graph";
import { getTracePath } from "@/lib/data/graph/trace-path";
import { getTraceOutline } from "@/lib/data/traces/trace-outline";
import { graphLinks } from "@/lib/format/graph-links";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";

type Props = ProjectPageProps<{ traceId: string }>;

/** The task's map over the week up to this run, which the run is part of. */
const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Pipeline map of trace ${(await params).traceId.slice(0, 8)}` };
}

export default async function TraceMapPage({ params }: Props) {
  const { project, traceId } = await params;
  const { scope } = await requirePageCaller(project);
  const outline = await getTraceOutline(scope, traceId);
  if (!outline) notFound();
  const startMs = Date.parse(outline.trace.startTime);
  const [fromMs, toMs] = [startMs - WEEK_MS, startMs + HOUR_MS];
  const [graph, path] = await Promise.all([getPipelineGraph(scope, { fromMs, toMs, task: outline.trace.name }), getTracePath(scope, traceId)]);
  const links = graphLinks(graph, projectPath(project, "/traces"), fromMs, toMs, outline.trace.name);
  return (
    <div className="flex flex-col gap-4 p-4">
      <PageHeader title={`Pipeline map · ${outline.trace.name}`} subtitle="This task over the week up to the run; the run's own path is highlighted.">
        <ProjectLink href={`/traces/${traceId}`} className="text-sm text-accent hover:underline">
          Back to the trace
        </ProjectLink>
      </PageHeader>
      {graph.nodes.length === 0 ? (
        <p className="rounded border border-line p-6 text-sm text-fg-muted">This trace has no agent, tool, model or approval spans.</p>
      ) : (
        <PipelineMap nodes={graph.nodes} edges={graph.edges} nodeHref={links.nodes} edgeHref={links.edges} highlight={path} />
      )}
    </div>
  );
}
