"use client";

import { useState } from "react";
import { formatTimestamp } from "@/lib/format/time";
import type { CommentView } from "@/lib/retro/collab/types";
import { CommentForm } from "./comment-form";
import { CommentMarkdown } from "./comment-markdown";
import { useComments } from "./comments-context";

type Props = {
  comments: CommentView[];
  /** In the trace-wide thread each comment says which span it is about. */
  showSpan?: boolean;
  spanName?: (spanId: string) => string;
};

export function CommentList({ comments, showSpan = false, spanName }: Props) {
  if (comments.length === 0) return <p className="text-xs text-fg-muted">No comments yet.</p>;
  return (
    <ol className="flex flex-col gap-2" data-testid="comment-list">
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} showSpan={showSpan} spanName={spanName} />
      ))}
    </ol>
  );
}

function CommentItem({ comment, showSpan, spanName }: { comment: CommentView; showSpan: boolean; spanName?: (spanId: string) => string }) {
  const state = useComments();
  const [isEditing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edited = comment.updatedAt !== comment.createdAt;

  async function onDelete() {
    if (!state || !window.confirm("Delete this comment?")) return;
    const result = await state.remove(comment.id);
    setError(result.ok ? null : result.error);
  }

  return (
    <li className="rounded border border-line p-2" data-testid="comment" data-comment-id={comment.id} data-span-id={comment.spanId ?? ""}>
      <div className="mb-1 flex flex-wrap items-baseline gap-2 text-xs text-fg-muted">
        <span className="font-medium text-fg">{comment.author.name}</span>
        <time dateTime={comment.createdAt}>{formatTimestamp(comment.createdAt).slice(0, 19)}</time>
        {edited ? <span>(edited)</span> : null}
        {showSpan && comment.spanId ? (
          <a href={`?span=${comment.spanId}`} className="text-accent hover:underline" data-testid="comment-span-link">
            on {spanName?.(comment.spanId) ?? comment.spanId}
          </a>
        ) : null}
        {showSpan && !comment.spanId ? <span>on the trace</span> : null}
        <span className="ml-auto flex gap-2">
          {comment.canEdit && !isEditing ? (
            <button type="button" className="hover:text-fg" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          {comment.canDelete ? (
            <button type="button" className="hover:text-danger" onClick={() => void onDelete()}>
              Delete
            </button>
          ) : null}
        </span>
      </div>
      {isEditing ? (
        <CommentForm
          initialBody={comment.body}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const result = state ? await state.edit(comment.id, body) : { ok: false as const, error: "unavailable" };
            if (result.ok) setEditing(false);
            return result;
          }}
        />
      ) : (
        <CommentMarkdown body={comment.body} />
      )}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </li>
  );
}
