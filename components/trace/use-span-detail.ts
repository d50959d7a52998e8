"use client";

import { useEffect, useState } from "react";
import type { Span } from "@/lib/trace/types";

export type LoadSpan = (traceId: string, spanId: string) => Promise<Span | null>;
export type SpanDetailState = { span: Span | null; isLoading: boolean; error: string | null };

type Loaded = { spans: ReadonlyMap<string, Span>; errors: ReadonlyMap<string, string> };

/**
 * The full span of the selection, loaded on demand through a server action and remembered, so going back
 * to a span is instant. Answers for a selection that has moved on are still kept, never shown wrongly.
 */
export function useSpanDetail(traceId: string, spanId: string | null, loadSpan: LoadSpan): SpanDetailState {
  const [loaded, setLoaded] = useState<Loaded>(() => ({ spans: new Map(), errors: new Map() }));
  const span = spanId ? loaded.spans.get(spanId) : undefined;
  const error = spanId ? loaded.errors.get(spanId) : undefined;
  const isMissing = Boolean(spanId) && !span && !error;

  useEffect(() => {
    if (!spanId || !isMissing) return;
    const fail = (message: string) => setLoaded((prev) => ({ ...prev, errors: new Map(prev.errors).set(spanId, message) }));
    loadSpan(traceId, spanId).then(
      (result) => (result ? setLoaded((prev) => ({ ...prev, spans: new Map(prev.spans).set(spanId, result) })) : fail("This span is no longer stored.")),
      (reason: unknown) => fail(reason instanceof Error ? reason.message : "Could not load the span."),
    );
  }, [traceId, spanId, isMissing, loadSpan]);

  return { span: span ?? null, isLoading: isMissing, error: error ?? null };
}
