import "server-only";
// The anonymous side of share links: a token opens exactly one trace of one project, read-only, until it
// expires or is revoked. Nothing else is reachable with it: every lookup below starts from the link's
// own trace id, never from anything the visitor sends besides the token.
import { scopeOfRecord } from "@/lib/data/access/projects";
import { resolveShareToken, type ResolvedShareLink } from "@/lib/data/collab/share-links";
import { getSpanDetail, getTraceDetail } from "@/lib/data/traces/trace-detail";
import { getTraceOutline } from "@/lib/data/traces/trace-outline";
import { hideSpanContent, hideTraceContent } from "@/lib/retro/collab/hide-content";
import type { Span, TraceDetail } from "@/lib/trace/types";

export type SharedTrace = { link: ResolvedShareLink; detail: TraceDetail };

/** The shared trace with every span, content withheld when the link says so; null for a dead token. */
export async function openSharedTrace(token: string): Promise<SharedTrace | null> {
  const link = await resolveShareToken(token);
  if (!link) return null;
  const detail = await getTraceDetail(scopeOfRecord(link), link.traceId);
  if (!detail) return null;
  return { link, detail: link.hideContent ? hideTraceContent(detail) : detail };
}

/** Outlines for the shared trace page (the explorer loads a span's detail when it is selected). */
export async function openSharedTraceOutline(token: string) {
  const link = await resolveShareToken(token);
  if (!link) return null;
  const outline = await getTraceOutline(scopeOfRecord(link), link.traceId);
  return outline ? { link, outline } : null;
}

/** One span of the shared trace (never of another trace, whatever id is asked for). */
export async function openSharedSpan(token: string, spanId: string): Promise<Span | null> {
  const link = await resolveShareToken(token);
  if (!link || !/^[0-9a-f]{16}$/.test(spanId)) return null;
  const span = await getSpanDetail(scopeOfRecord(link), link.traceId, spanId);
  if (!span) return null;
  return link.hideContent ? hideSpanContent(span) : span;
}
