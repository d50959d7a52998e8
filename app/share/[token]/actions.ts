"use server";
// Full detail of one span of a shared trace, loaded when the visitor selects it. The token is the only
// credential: it opens the link's own trace and nothing else, whatever trace id the page asks with.
import { openSharedSpan } from "@/lib/auth/share-access";
import type { Span } from "@/lib/trace/types";

export async function loadSharedSpan(token: string, _traceId: string, spanId: string): Promise<Span | null> {
  return openSharedSpan(token, spanId);
}
