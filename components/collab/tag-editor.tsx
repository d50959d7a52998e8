"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { projectPath } from "@/lib/format/project-path";
import { callApi } from "./api-client";

type Props = {
  projectSlug: string;
  traceId: string;
  tags: string[];
  /** Suggestions while typing: the project's tags, most used first. */
  vocabulary: string[];
  canEdit: boolean;
};

/**
 * A trace's tags: each links to the trace list filtered by it; members add (suggested from the project's
 * vocabulary as they type) and remove them. Sits above the row's stretched link, hence `relative z-10`.
 */
export function TagEditor({ projectSlug, traceId, tags, vocabulary, canEdit }: Props) {
  const router = useRouter();
  const listId = useId();
  const [current, setCurrent] = useState(tags);
  const [isAdding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(next: string[]) {
    const result = await callApi<{ tags: string[] }>(projectSlug, `/api/v1/traces/${traceId}/tags`, { method: "PUT", body: { tags: next } });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCurrent(result.data.tags);
    router.refresh();
  }

  // A key handler, not a <form>: the trace list is itself a form (compare selection), and a nested form
  // would be dropped by the HTML parser, so Enter would submit the list instead.
  async function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") return setAdding(false);
    if (event.key !== "Enter") return;
    event.preventDefault();
    const value = event.currentTarget.value;
    if (!value.trim()) return setAdding(false);
    await save([...current, value]);
    setAdding(false);
  }

  return (
    <span className="relative z-10 inline-flex flex-wrap items-center gap-1" data-testid="trace-tags" data-trace-id={traceId}>
      {current.map((tag) => (
        <span key={tag} className="inline-flex items-center rounded-full border border-line bg-surface px-2 text-xs" data-testid="tag">
          <a href={`${projectPath(projectSlug, "/traces")}?tag=${encodeURIComponent(tag)}`} className="hover:text-accent" title={`Traces tagged ${tag}`}>
            {tag}
          </a>
          {canEdit ? (
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              className="ml-1 text-fg-muted hover:text-danger"
              onClick={() => void save(current.filter((t) => t !== tag))}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
      {canEdit && isAdding ? (
        <span className="inline-flex">
          <input
            list={listId}
            autoFocus
            aria-label="New tag"
            placeholder="tag…"
            maxLength={64}
            onKeyDown={(e) => void onKeyDown(e)}
            onBlur={(e) => (e.currentTarget.value ? undefined : setAdding(false))}
            className="w-28 rounded border border-line bg-bg px-1 text-xs"
          />
          <datalist id={listId}>
            {vocabulary
              .filter((t) => !current.includes(t))
              .map((t) => (
                <option key={t} value={t} />
              ))}
          </datalist>
        </span>
      ) : null}
      {canEdit && !isAdding ? (
        <button
          type="button"
          onClick={() => setAdding(true)}
          className="rounded-full border border-dashed border-line px-2 text-xs text-fg-muted hover:text-fg"
          aria-label="Add tag"
        >
          + tag
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
