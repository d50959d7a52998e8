import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TraceExplorer } from "@/components/trace/trace-explorer";
import { TraceHeader } from "@/components/trace/trace-header";
import { getTraceOutline } from "@/lib/data/traces/trace-outline";
import { packSpanOutlines } from "@/lib/trace/span-outline";
import { firstParam, type SearchParamsRecord } from "@/lib/trace/url-state";
import { loadSpanDetail } from "./actions";

type Props = { params: Promise<{ traceId: string }>; searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 8)}` };
}

export default async function TracePage({ params, searchParams }: Props) {
  const { traceId } = await params;
  const outline = await getTraceOutline(traceId);
  if (!outline) notFound();
  // Outlines draw every row; a span's full detail (input, output, attributes) loads when it is selected.
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TraceHeader trace={outline.trace} />
      <TraceExplorer
        traceId={outline.trace.traceId}
        outlines={packSpanOutlines(outline.spans)}
        initialSpanId={firstParam(await searchParams, "span") ?? null}
        loadSpan={loadSpanDetail}
      />
    </div>
  );
}
