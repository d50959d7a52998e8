import "server-only";
// The filtered trace list as a download, streamed page by page: a page of summaries is read only when
// the client has taken the previous one, so memory stays flat however many traces match.
import type { ProjectScope } from "@/lib/data/scope";
import { tagsOfTraces } from "@/lib/data/collab/tags";
import { getTraceDetail } from "@/lib/data/traces/trace-detail";
import { listTraces } from "@/lib/data/traces/traces";
import { summaryCsvHeader, summaryCsvRow } from "@/lib/retro/collab/summary-csv";
import type { TraceQuery } from "@/lib/trace/trace-params";

const PAGE_SIZE = 200;

export function exportStream(scope: ProjectScope, query: TraceQuery, format: "jsonl" | "csv"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started && format === "csv") controller.enqueue(encoder.encode(summaryCsvHeader()));
        started = true;
        if (done) return controller.close();
        const page = await listTraces(scope, { ...query, limit: PAGE_SIZE, cursor });
        cursor = page.nextCursor ?? undefined;
        done = page.nextCursor === null;
        const ids = page.data.map((t) => t.traceId);
        const tags = await tagsOfTraces(scope, ids);
        if (format === "csv") {
          controller.enqueue(encoder.encode(page.data.map((t) => summaryCsvRow(t, tags.get(t.traceId) ?? [])).join("")));
        } else {
          let lines = "";
          for (const id of ids) {
            const detail = await getTraceDetail(scope, id);
            if (detail) lines += `${JSON.stringify({ ...detail, tags: tags.get(id) ?? [] })}\n`;
          }
          controller.enqueue(encoder.encode(lines));
        }
        if (done) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
