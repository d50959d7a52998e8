"use server";
// Full detail of one span, loaded when the user selects it: the page ships only outlines of the spans, so
// a 10,000-span trace does not send every input, output and attribute up front. Authorised like the page:
// the caller must be able to read the project the span is asked from.
import { authorizeAction } from "@/lib/auth/require-action";
import { getSpanDetail } from "@/lib/data/traces/trace-detail";
import type { Span } from "@/lib/trace/types";

/** The full span (input, output, attributes, resource, events), or null when it does not exist or may not be read. */
export async function loadSpanDetail(projectSlug: string, traceId: string, spanId: string): Promise<Span | null> {
  const auth = await authorizeAction(projectSlug, "read");
  if (!auth.ok) return null;
  return getSpanDetail(auth.caller.scope, traceId, spanId);
}
