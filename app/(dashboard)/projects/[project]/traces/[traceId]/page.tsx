import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TraceExplorer } from "@/components/trace/trace-explorer";
import { TraceHeader } from "@/components/trace/trace-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listTraceFindings } from "@/lib/data/findings/trace-findings";
import { getTraceOutline } from "@/lib/data/traces/trace-outline";
import { criticalPathOfOutlines } from "@/lib/trace/critical-path-view";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { packSpanOutlines } from "@/lib/trace/span-outline";
import { firstParam } from "@/lib/trace/url-state";
import { loadSpanDetail } from "./actions";

type Props = ProjectPageProps<{ traceId: string }>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 8)}` };
}

export default async function TracePage({ params, searchParams }: Props) {
  const { project, traceId } = await params;
  const caller = await requirePageCaller(project);
  const [outline, findings] = await Promise.all([getTraceOutline(caller.scope, traceId), listTraceFindings(caller.scope, traceId)]);
  if (!outline) notFound();
  const criticalPath = criticalPathOfOutlines(outline.spans);
  // Outlines draw every row; a span's full detail (input, output, attributes) loads when it is selected.
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TraceHeader trace={outline.trace} criticalPath={criticalPath} />
      <TraceExplorer
        traceId={outline.trace.traceId}
        outlines={packSpanOutlines(outline.spans)}
        initialSpanId={firstParam(await searchParams, "span") ?? null}
        loadSpan={loadSpanDetail.bind(null, caller.project.slug)}
        findings={findings}
        criticalPath={criticalPath}
      />
    </div>
  );
}
