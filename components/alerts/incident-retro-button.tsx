"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/components/collab/api-client";
import type { IncidentRow } from "@/lib/forms/alert-form";
import { projectPath } from "@/lib/format/project-path";
import { incidentRetroSummary, incidentRetroTitle } from "@/lib/retro/collab/retro-drafts";

/**
 * Starts a retro from an incident: titled after its rule and start, a summary with its figures and time
 * range, and its example runs (the API brings them with `alertIncidentId`); then opens the retro.
 */
export function IncidentRetroButton({ projectSlug, incident }: { projectSlug: string; incident: IncidentRow }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    const result = await callApi<{ id: string }>(projectSlug, "/api/v1/retros", {
      method: "POST",
      body: { title: incidentRetroTitle(incident), severity: "sev2", summary: incidentRetroSummary(incident), alertIncidentId: incident.id },
    });
    if (!result.ok) {
      setBusy(false);
      return setError(result.error);
    }
    router.push(projectPath(projectSlug, `/retros/${result.data.id}`));
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={isBusy}
        onClick={() => void create()}
        className="rounded border border-line px-2 py-0.5 text-xs hover:bg-muted disabled:opacity-40"
      >
        Create retro
      </button>
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
