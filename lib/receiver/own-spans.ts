import "server-only";
// Spans Hindsight emits about its own work (the LLM judges' calls), stored in a project through the very
// path an OTLP export takes after authentication: normalised (priced with the project's prices, redacted
// with its rules) and committed by the write queue. So they are priced and shown like any call.
import { getPriceBook } from "@/lib/data/prices/price-book";
import { getRedactionConfig } from "@/lib/data/access/redaction-settings";
import type { ProjectScope } from "@/lib/data/scope";
import { normaliseBody } from "@/lib/ingest/pipeline";
import { getWriteQueue } from "./runtime";

/** Stores an OTLP/JSON ExportTraceServiceRequest in the project; resolves once committed. */
export async function ingestOwnSpans(scope: ProjectScope, request: unknown): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(request));
  const [prices, redaction] = await Promise.all([getPriceBook(scope), getRedactionConfig(scope)]);
  const normalised = normaliseBody("traces", bytes, "json", prices, redaction);
  if (!normalised.ok) throw new Error(`own spans were refused: ${normalised.message}`);
  if (normalised.batch.spans.length === 0) return;
  await getWriteQueue().enqueue({ ...normalised.batch, projectId: scope.projectId });
}
