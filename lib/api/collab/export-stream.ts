import "server-only";
// The filtered trace list as a download, streamed: a page of summaries is read only when the client has
// taken what came before it, and JSONL details are read a batch at a time (one query per table for the
// batch), so memory stays flat however many traces match.
import type { ProjectScope } from "@/lib/data/scope";
import { tagsOfTraces } from "@/lib/data/collab/tags";
import { getTraceDetails } from "@/lib/data/collab/trace-details-batch";
import { listTraces } from "@/lib/data/traces/traces";
import { detailBatches, joinIntoChunks } from "@/lib/retro/collab/export-batches";
import { summaryCsvHeader, summaryCsvRow } from "@/lib/retro/collab/summary-csv";
import type { TraceQuery } from "@/lib/trace/trace-params";
import type { TraceSummary } from "@/lib/trace/types";

const PAGE_SIZE = 500;

export function exportStream(scope: ProjectScope, query: TraceQuery, format: "jsonl" | "csv"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let lastPage = false;
  const pending: TraceSummary[][] = [];

  /** The next page's summaries, split into the batches that will be sent one pull at a time. */
  async function nextPage(): Promise<void> {
    const page = await listTraces(scope, { ...query, limit: PAGE_SIZE, cursor });
    cursor = page.nextCursor ?? undefined;
    lastPage = page.nextCursor === null;
    if (format === "csv") pending.push(page.data);
    else pending.push(...detailBatches(page.data));
  }

  async function render(batch: TraceSummary[]): Promise<string[]> {
    const ids = batch.map((t) => t.traceId);
    const tags = await tagsOfTraces(scope, ids);
    if (format === "csv") return batch.map((t) => summaryCsvRow(t, tags.get(t.traceId) ?? []));
    const details = await getTraceDetails(scope, ids);
    return details.map((detail) => `${JSON.stringify({ ...detail, tags: tags.get(detail.trace.traceId) ?? [] })}\n`);
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (format === "csv") controller.enqueue(encoder.encode(summaryCsvHeader()));
      },
      async pull(controller) {
        if (pending.length === 0 && !lastPage) await nextPage();
        const batch = pending.shift();
        // Chunks of moderate size: one string per batch would be large enough to live in V8's large-object
        // space, which only a full collection frees, and the resident size would climb until one ran.
        if (batch && batch.length > 0) for (const chunk of joinIntoChunks(await render(batch))) controller.enqueue(encoder.encode(chunk));
        if (pending.length === 0 && lastPage) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
