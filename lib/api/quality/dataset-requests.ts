import "server-only";
// Request handling shared by the dataset routes and server actions: an item body resolved against the run
// it names, the export formats, and the JSONL import body. Keeps the handlers thin.
import { badParameter, jsonError } from "@/lib/api/respond";
import { findSourceSpan } from "@/lib/data/quality/dataset-from-run";
import type { ProjectScope } from "@/lib/data/scope";
import { MAX_IMPORT_BYTES, toJsonlLine, type DatasetItemCreate, type NewDatasetItem } from "@/lib/quality/dataset-schema";
import type { DatasetItem } from "@/lib/quality/dataset-types";

export type Resolved<T> = { ok: true; value: T } | { ok: false; status: 400 | 404; parameter?: string; message: string };

/** The item a POST body describes: given fields win, the run's span fills in input and expected output. */
export async function resolveNewItem(scope: ProjectScope, body: DatasetItemCreate): Promise<Resolved<NewDatasetItem>> {
  const metadata = body.metadata ?? null;
  if (!body.traceId) {
    return { ok: true, value: { input: body.input, expectedOutput: body.expectedOutput ?? null, metadata, sourceTraceId: null, sourceSpanId: null } };
  }
  const span = await findSourceSpan(scope, body.traceId, body.spanId);
  if (!span) {
    const what = body.spanId ? `span ${body.spanId} of trace ${body.traceId}` : `trace ${body.traceId}`;
    return { ok: false, status: 404, parameter: body.spanId ? "spanId" : "traceId", message: `${what} not found` };
  }
  const input = body.input !== undefined && body.input !== null ? body.input : span.input;
  if (input === null || input === undefined) {
    return { ok: false, status: 400, parameter: "input", message: "input: the span recorded no input; give one" };
  }
  return {
    ok: true,
    value: {
      input,
      expectedOutput: body.expectedOutput !== undefined ? body.expectedOutput : (span.output ?? null),
      metadata,
      sourceTraceId: body.traceId,
      sourceSpanId: span.spanId,
    },
  };
}

export const resolvedError = (failure: Extract<Resolved<unknown>, { ok: false }>) =>
  failure.parameter ? jsonError(failure.status, failure.message, { parameter: failure.parameter }) : jsonError(failure.status, failure.message);

/** The items as `{ data }` JSON, or as JSONL (one item per line) to download. */
export function exportItems(items: DatasetItem[], format: "json" | "jsonl", datasetName: string): Response {
  if (format === "json") return Response.json({ data: items });
  const body = items.map((item) => `${toJsonlLine(item)}\n`).join("");
  const filename = `${datasetName.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 80) || "dataset"}.jsonl`;
  return new Response(body, {
    headers: { "content-type": "application/jsonl; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}

/** The text of an import body (JSONL, at most MAX_IMPORT_BYTES), or the 4xx to answer. */
export async function readImportBody(request: Request): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_IMPORT_BYTES) return { ok: false, response: jsonError(413, `body must be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return { ok: false, response: jsonError(413, `body must be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`) };
  if (text.trim() === "") return { ok: false, response: badParameter("body", "is empty: send one JSON object per line") };
  return { ok: true, text };
}
