"use server";
// Full detail of one span, loaded when the user selects it: the page ships only outlines of the spans, so
// a 10,000-span trace does not send every input, output and attribute up front.
import { getSpanDetail } from "@/lib/data/traces/traces";
import type { Span } from "@/lib/trace/types";

/** The full span (input, output, attributes, resource, events), or null when it does not exist. */
export async function loadSpanDetail(traceId: string, spanId: string): Promise<Span | null> {
  return getSpanDetail(traceId, spanId);
}
