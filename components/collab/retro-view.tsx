"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ProjectLink } from "@/components/shell/project-link";
import { TraceTable } from "@/components/traces/trace-table";
import { formatTimestamp } from "@/lib/format/time";
import type { RetroDetail } from "@/lib/retro/collab/retro-types";
import { callApi, projectApiUrl } from "./api-client";
import { CommentMarkdown } from "./comment-markdown";
import { CommentForm } from "./comment-form";

type Props = { projectSlug: string; retro: RetroDetail; canEdit: boolean; nowMs: number };

const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;

/** A retro: what happened (summary, timeline), which runs (with comments), and its Markdown export. */
export function RetroView({ projectSlug, retro, canEdit, nowMs }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isEditingSummary, setEditingSummary] = useState(false);

  async function patch(changes: Record<string, unknown>) {
    const result = await callApi(projectSlug, `/api/v1/retros/${retro.id}`, { method: "PATCH", body: changes });
    setError(result.ok ? null : result.error);
    if (result.ok) router.refresh();
    return result;
  }

  return (
    <div className="flex flex-col gap-4 p-4" data-testid="retro-view">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{retro.title}</h1>
        <select
          aria-label="Severity"
          defaultValue={retro.severity}
          disabled={!canEdit}
          onChange={(e) => void patch({ severity: e.target.value })}
          className="rounded border border-line bg-bg px-1 text-sm"
        >
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select
          aria-label="Status"
          defaultValue={retro.status}
          disabled={!canEdit}
          onChange={(e) => void patch({ status: e.target.value })}
          className="rounded border border-line bg-bg px-1 text-sm"
        >
          <option>open</option>
          <option>closed</option>
        </select>
        <a
          href={projectApiUrl(projectSlug, `/api/v1/retros/${retro.id}/export.md`)}
          download
          className="ml-auto text-sm text-accent hover:underline"
          data-testid="retro-export"
        >
          Download Markdown
        </a>
      </div>
      <p className="text-xs text-fg-muted">
        Created {formatTimestamp(retro.createdAt).slice(0, 16)} by {retro.createdBy}
      </p>
      {retro.incident ? (
        <p className="text-sm" data-testid="retro-incident">
          From the alert incident{" "}
          <ProjectLink href={`/alerts#incident-${retro.incident.id}`} className="font-medium text-accent hover:underline">
            {retro.incident.ruleName}
          </ProjectLink>{" "}
          <span className="text-fg-muted">
            (fired {formatTimestamp(retro.incident.startedAt).slice(0, 16)}
            {retro.incident.endedAt ? `, resolved ${formatTimestamp(retro.incident.endedAt).slice(0, 16)}` : ", still open"})
          </span>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}

      <section className="flex flex-col gap-1" aria-label="Summary">
        <h2 className="text-sm font-semibold">Summary</h2>
        {isEditingSummary ? (
          <CommentForm
            initialBody={retro.summary}
            submitLabel="Save summary"
            placeholder="What happened, why, what we change (Markdown)…"
            onCancel={() => setEditingSummary(false)}
            onSubmit={async (summary) => {
              const result = await patch({ summary });
              if (result.ok) setEditingSummary(false);
              return result;
            }}
          />
        ) : (
          <div className="flex items-start gap-2">
            {retro.summary.trim() ? <CommentMarkdown body={retro.summary} /> : <p className="text-sm text-fg-muted">No summary yet.</p>}
            {canEdit ? (
              <button type="button" className="ml-auto text-xs text-fg-muted hover:text-fg" onClick={() => setEditingSummary(true)}>
                Edit summary
              </button>
            ) : null}
          </div>
        )}
      </section>

      <section className="flex flex-col gap-1" aria-label="Timeline">
        <h2 className="text-sm font-semibold">Timeline</h2>
        <ol className="flex flex-col gap-0.5 text-sm" data-testid="retro-timeline">
          {retro.timeline.map((entry, i) => (
            <li key={i} className="flex gap-2">
              <time className="shrink-0 text-fg-muted tabular-nums">{formatTimestamp(entry.time).slice(0, 19)}</time>
              <span>{entry.text}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="flex flex-col gap-1" aria-label="Traces">
        <h2 className="text-sm font-semibold">Traces ({retro.traces.length})</h2>
        <TraceTable traces={retro.traces} params={{}} sort="time" order="desc" nowMs={nowMs} />
      </section>

      <section className="flex flex-col gap-2" aria-label="Comments">
        <h2 className="text-sm font-semibold">Comments ({retro.comments.length})</h2>
        {retro.comments.map((c) => (
          <div key={c.id} className="rounded border border-line p-2">
            <p className="mb-1 text-xs text-fg-muted">
              <span className="font-medium text-fg">{c.author.name}</span> on trace {c.traceId.slice(0, 8)}
              {c.spanId ? `, span ${c.spanId}` : ""} · {formatTimestamp(c.createdAt).slice(0, 16)}
            </p>
            <CommentMarkdown body={c.body} />
          </div>
        ))}
      </section>
    </div>
  );
}
