"use client";

import { useState, type FormEvent } from "react";
import { MAX_COMMENT_CHARS } from "@/lib/retro/collab/limits";
import type { ApiResult } from "./api-client";

type Props = {
  initialBody?: string;
  submitLabel?: string;
  placeholder?: string;
  onSubmit: (body: string) => Promise<ApiResult<unknown>>;
  onCancel?: () => void;
};

/** A Markdown text box; keeps the text when saving fails, so nothing typed is lost. */
export function CommentForm({ initialBody = "", submitLabel = "Comment", placeholder = "Write a comment (Markdown)…", onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    const result = await onSubmit(body);
    setSaving(false);
    setError(result.ok ? null : result.error);
    if (result.ok && !onCancel) setBody("");
  }

  const length = [...body].length;
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-1" data-testid="comment-form">
      <textarea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={placeholder}
        aria-label="Comment"
        rows={3}
        className="w-full rounded border border-line bg-bg px-2 py-1 text-sm"
      />
      <div className="flex items-center gap-2 text-xs">
        <button type="submit" disabled={isSaving || body.trim() === ""} className="rounded bg-accent px-3 py-1 font-medium text-white disabled:opacity-50">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="text-fg-muted hover:text-fg">
            Cancel
          </button>
        ) : null}
        <span className={`ml-auto tabular-nums ${length > MAX_COMMENT_CHARS ? "text-danger" : "text-fg-muted"}`}>
          {length.toLocaleString("en")} / {MAX_COMMENT_CHARS.toLocaleString("en")}
        </span>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
