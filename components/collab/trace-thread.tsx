"use client";

import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";
import { useComments } from "./comments-context";

/** Every comment of the trace (on the trace and on its spans), oldest first, with a box for a trace-wide one. */
export function TraceThread({ spanNames }: { spanNames: Record<string, string> }) {
  const state = useComments();
  if (!state) return null;
  return (
    <details className="border-t border-line px-4 py-2" data-testid="trace-thread" open={state.comments.length > 0}>
      <summary className="cursor-pointer text-sm font-medium">
        Comments <span className="text-fg-muted">{state.comments.length}</span>
      </summary>
      <div className="flex max-h-80 flex-col gap-2 overflow-auto py-2">
        <CommentList comments={state.comments} showSpan spanName={(id) => spanNames[id] ?? id} />
        {state.canComment ? (
          <CommentForm placeholder="Comment on the whole trace (Markdown)…" onSubmit={(body) => state.add(body, null)} />
        ) : (
          <p className="text-xs text-fg-muted">Viewers read comments; members and admins write them.</p>
        )}
      </div>
    </details>
  );
}

/** The comments about one span, shown in its detail panel, with a box to add one. */
export function SpanComments({ spanId }: { spanId: string }) {
  const state = useComments();
  if (!state) return null;
  const comments = state.comments.filter((c) => c.spanId === spanId);
  return (
    <div className="flex flex-col gap-2" data-testid="span-comments">
      <CommentList comments={comments} />
      {state.canComment ? <CommentForm placeholder="Comment on this span (Markdown)…" onSubmit={(body) => state.add(body, spanId)} /> : null}
    </div>
  );
}

/** How many comments are about this span (for the tab's count). */
export function useSpanCommentCount(spanId: string): number | null {
  const state = useComments();
  return state ? state.comments.filter((c) => c.spanId === spanId).length : null;
}
