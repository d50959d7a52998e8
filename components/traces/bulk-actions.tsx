"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { callApi, projectApiUrl } from "@/components/collab/api-client";
import { useRunSelection } from "@/components/retro/compare-form";
import { projectPath } from "@/lib/format/project-path";
import { selectionRetroTitle } from "@/lib/retro/collab/retro-drafts";

type Props = {
  projectSlug: string;
  /** Members and admins tag and build retros; everyone may export. */
  canEdit: boolean;
  /** Tag suggestions: the project's tags, most used first. */
  vocabulary: string[];
  openRetros: { id: string; title: string }[];
  /** Run names of the page, for the title of a retro made from the selection. */
  namesById: Record<string, string>;
};

const button = "rounded border border-line px-2 py-0.5 text-fg enabled:hover:bg-muted disabled:opacity-40";

/** Actions on the ticked runs of the trace list: tag them, gather them in a retro, export them. */
export function BulkActions({ projectSlug, canEdit, vocabulary, openRetros, namesById }: Props) {
  const router = useRouter();
  const listId = useId();
  const { selected, clear } = useRunSelection();
  const [tag, setTag] = useState("");
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const isEmpty = selected.length === 0;
  const runs = (n: number) => `${n} ${n === 1 ? "run" : "runs"}`;

  async function addTag() {
    if (!tag.trim() || isEmpty) return;
    const result = await callApi<{ data: { traceId: string }[] }>(projectSlug, "/api/v1/traces/tags", {
      method: "POST",
      body: { traceIds: selected, add: [tag] },
    });
    if (!result.ok) return setMessage({ text: result.error, isError: true });
    setMessage({ text: `Tagged ${runs(result.data.data.length)} with ${tag.trim()}.`, isError: false });
    setTag("");
    router.refresh();
  }

  // Enter in the tag box tags the selection; the list is a form whose submit opens the comparison.
  function onTagKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void addTag();
  }

  async function newRetro() {
    const body = { title: selectionRetroTitle(selected.map((id) => namesById[id] ?? id)), severity: "sev3", traceIds: selected };
    const result = await callApi<{ id: string }>(projectSlug, "/api/v1/retros", { method: "POST", body });
    if (!result.ok) return setMessage({ text: result.error, isError: true });
    router.push(projectPath(projectSlug, `/retros/${result.data.id}`));
  }

  async function addToRetro(id: string) {
    const result = await callApi(projectSlug, `/api/v1/retros/${encodeURIComponent(id)}`, { method: "PATCH", body: { addTraceIds: selected } });
    if (!result.ok) return setMessage({ text: result.error, isError: true });
    router.push(projectPath(projectSlug, `/retros/${id}`));
  }

  const exportHref = (format: "jsonl" | "csv") => {
    const query = new URLSearchParams([["format", format], ...selected.map((id) => ["traceId", id])]);
    return projectApiUrl(projectSlug, `/api/v1/traces/export?${query.toString()}`);
  };
  const exportLink = (format: "jsonl" | "csv", label: string) =>
    isEmpty ? (
      <span className={`${button} opacity-40`} aria-disabled="true">
        {label}
      </span>
    ) : (
      <a href={exportHref(format)} download className={`${button} hover:bg-muted`} data-testid={`bulk-export-${format}`}>
        {label}
      </a>
    );

  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="bulk-actions">
      {canEdit ? (
        <>
          <input
            list={listId}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            onKeyDown={onTagKey}
            placeholder="tag…"
            aria-label="Tag for selected runs"
            maxLength={64}
            className="w-28 rounded border border-line bg-bg px-1 text-fg"
          />
          <datalist id={listId}>
            {vocabulary.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <button type="button" disabled={isEmpty || !tag.trim()} onClick={() => void addTag()} className={button}>
            Tag selected
          </button>
          <button type="button" disabled={isEmpty} onClick={() => void newRetro()} className={button}>
            New retro from selected
          </button>
          {openRetros.length > 0 ? (
            <select
              aria-label="Add selected to retro"
              value=""
              disabled={isEmpty}
              onChange={(e) => e.target.value && void addToRetro(e.target.value)}
              className="rounded border border-line bg-bg px-1 text-fg disabled:opacity-40"
            >
              <option value="">Add selected to retro…</option>
              {openRetros.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          ) : null}
        </>
      ) : null}
      {exportLink("jsonl", "Export JSONL")}
      {exportLink("csv", "Export CSV")}
      {isEmpty ? null : (
        <button type="button" onClick={clear} className="text-fg-muted hover:text-fg">
          Clear selection
        </button>
      )}
      {message ? (
        <span role={message.isError ? "alert" : "status"} className={message.isError ? "text-danger" : "text-ok"} data-testid="bulk-status">
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
