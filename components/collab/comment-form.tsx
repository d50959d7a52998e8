"use client";

import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { MAX_COMMENT_CHARS } from "@/lib/retro/collab/limits";
import type { Mentionable } from "@/lib/retro/collab/mentions";
import type { ApiResult } from "./api-client";
import { MentionList, useMentionPicker } from "./mention-picker";

type Props = {
  initialBody?: string;
  submitLabel?: string;
  placeholder?: string;
  onSubmit: (body: string) => Promise<ApiResult<unknown>>;
  onCancel?: () => void;
};

/** A Markdown text box with `@` mentions of members; keeps the text when saving fails, so nothing typed is lost. */
export function CommentForm({ initialBody = "", submitLabel = "Comment", placeholder = "Write a comment (Markdown)…", onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [caret, setCaret] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionPicker(body, caret);

  function pick(member: Mentionable) {
    const edit = mentions.pick(member);
    if (!edit) return;
    setBody(edit.text);
    setCaret(edit.caret);
    requestAnimationFrame(() => box.current?.setSelectionRange(edit.caret, edit.caret));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const count = mentions.suggestions.length;
    if (count === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      mentions.setActive((mentions.active + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(mentions.suggestions[mentions.active]!);
    } else if (event.key === "Escape") {
      setCaret(-1);
    }
  }

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
        ref={box}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        aria-label="Comment"
        rows={3}
        className="w-full rounded border border-line bg-bg px-2 py-1 text-sm"
      />
      <MentionList suggestions={mentions.suggestions} active={mentions.active} onPick={pick} />
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
