import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TraceExplorer } from "@/components/trace/trace-explorer";
import { TraceHeader } from "@/components/trace/trace-header";
import { openSharedTraceOutline } from "@/lib/auth/share-access";
import { formatTimestamp } from "@/lib/format/time";
import { packSpanOutlines } from "@/lib/trace/span-outline";
import { loadSharedSpan } from "./actions";

type Props = { params: Promise<{ token: string }> };

// The token is a credential: no search engine, no referrer to the links inside, never cached.
export const metadata: Metadata = { title: "Shared trace", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** A trace shared with a link: read-only, no sign-in, nothing of the project beyond this one trace. */
export default async function SharedTracePage({ params }: Props) {
  const { token } = await params;
  const shared = await openSharedTraceOutline(token);
  if (!shared) notFound();
  const { link, outline } = shared;
  return (
    <div className="flex h-screen min-h-0 flex-col" data-testid="shared-trace">
      <p className="border-b border-line bg-surface px-4 py-1 text-xs text-fg-muted">
        Shared read-only from Hindsight; the link expires {formatTimestamp(link.expiresAt).slice(0, 16)}.
        {link.hideContent ? " Inputs, outputs and attribute values are hidden." : ""}
      </p>
      <TraceHeader trace={outline.trace} linksIntoProject={false} />
      <TraceExplorer
        traceId={outline.trace.traceId}
        outlines={packSpanOutlines(outline.spans)}
        initialSpanId={null}
        loadSpan={loadSharedSpan.bind(null, token)}
      />
    </div>
  );
}
