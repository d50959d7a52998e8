import "server-only";
// The filtered trace list as a download, streamed by pull: each pull of the response stream renders one
// chunk, so nothing is read from the database before the client has taken what came before it (a slow
// or paused reader holds the export where it is). A page of summaries is listed at a time, and JSONL
// details are read a batch at a time (one query per table for the batch), so memory stays flat however
// many traces match.
import type { ProjectScope } from "@/lib/data/scope";
import { exportSummariesOf, exportTagsOf, traceExportLines } from "@/lib/data/collab/trace-export-lines";
import { listTraceIds } from "@/lib/data/traces/traces";
import { detailBatches, nextChunk } from "@/lib/retro/collab/export-batches";
import { summaryCsvHeader, summaryCsvRow } from "@/lib/retro/collab/summary-csv";
import type { TraceQuery } from "@/lib/trace/trace-params";

const PAGE_SIZE = 500;

/** The whole export as pieces of text, produced as they are asked for. */
async function* exportPieces(scope: ProjectScope, query: TraceQuery, format: "jsonl" | "csv"): AsyncGenerator<string> {
  if (format === "csv") yield summaryCsvHeader();
  let cursor: string | undefined;
  do {
    // The page's ids through the list's own filters and order, then its rows through the raw read
    // connection: Prisma would build (and the collector reclaim) far more per row.
    const page = await listTraceIds(scope, { ...query, limit: PAGE_SIZE, cursor });
    cursor = page.nextCursor ?? undefined;
    const summaries = await exportSummariesOf(scope, page.data);
    for (const batch of format === "csv" ? [summaries] : detailBatches(summaries)) {
      const tags = await exportTagsOf(
        scope,
        batch.map((t) => t.traceId),
      );
      if (format === "csv") for (const trace of batch) yield summaryCsvRow(trace, tags.get(trace.traceId) ?? []);
      else yield* traceExportLines(scope, batch, tags);
    }
  } while (cursor !== undefined);
}

export function exportStream(scope: ProjectScope, query: TraceQuery, format: "jsonl" | "csv"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = exportPieces(scope, query, format);
  return new ReadableStream<Uint8Array>(
    {
      // Chunks of moderate size: big enough for few writes, small enough to stay out of V8's large-object
      // space (only a full collection frees it, so the resident size would climb until one ran).
      async pull(controller) {
        const chunk = await nextChunk(pieces);
        if (chunk.text.length > 0) controller.enqueue(encoder.encode(chunk.text));
        if (chunk.done) controller.close();
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
