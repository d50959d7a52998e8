"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { projectPath } from "@/lib/format/project-path";
import { callApi } from "./api-client";

type Props = { projectSlug: string; traceIds: string[]; defaultTitle: string; openRetros: { id: string; title: string }[] };

/** Start a retro with these traces, or add them to an open one; then open the retro. */
export function RetroActions({ projectSlug, traceIds, defaultTitle, openRetros }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const open = (id: string) => router.push(projectPath(projectSlug, `/retros/${id}`));

  async function start() {
    const result = await callApi<{ id: string }>(projectSlug, "/api/v1/retros", { method: "POST", body: { title: defaultTitle, severity: "sev3", traceIds } });
    if (!result.ok) return setError(result.error);
    open(result.data.id);
  }

  async function addTo(id: string) {
    const result = await callApi(projectSlug, `/api/v1/retros/${encodeURIComponent(id)}`, { method: "PATCH", body: { addTraceIds: traceIds } });
    if (!result.ok) return setError(result.error);
    open(id);
  }

  return (
    <span className="inline-flex items-center gap-2 text-xs" data-testid="retro-actions">
      <button type="button" onClick={() => void start()} className="rounded border border-line px-2 py-0.5 hover:bg-surface">
        Start retro
      </button>
      {openRetros.length > 0 ? (
        <select
          aria-label="Add to retro"
          defaultValue=""
          onChange={(e) => e.target.value && void addTo(e.target.value)}
          className="rounded border border-line bg-bg px-1"
        >
          <option value="">Add to retro…</option>
          {openRetros.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      ) : null}
      {error ? (
        <span role="alert" className="text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
