"use client";

import { useCallback, useState, type FormEvent } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatTimestamp } from "@/lib/format/time";
import { callApi } from "./api-client";

export type ShareLinkRow = { id: string; hideContent: boolean; createdBy: string; expiresAt: string };
type Created = { id: string; url: string; expiresAt: string };

const DURATIONS = [
  { hours: 24, label: "1 day" },
  { hours: 168, label: "7 days" },
  { hours: 720, label: "30 days" },
];

/** Share links of one trace: create one (shown once), see the live ones, revoke any. */
export function SharePanel({
  projectSlug,
  traceId,
  canShare,
  initialLinks,
}: {
  projectSlug: string;
  traceId: string;
  canShare: boolean;
  initialLinks: ShareLinkRow[];
}) {
  const [links, setLinks] = useState<ShareLinkRow[]>(initialLinks);
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await callApi<{ data: ShareLinkRow[] }>(projectSlug, `/api/v1/traces/${traceId}/share`);
    if (result.ok) setLinks(result.data.data);
  }, [projectSlug, traceId]);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = { expiresInHours: Number(data.get("hours")), hideContent: data.get("hideContent") === "on" };
    const result = await callApi<Created>(projectSlug, `/api/v1/traces/${traceId}/share`, { method: "POST", body });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCreated(result.data);
    await reload();
  }

  async function onRevoke(id: string) {
    const result = await callApi(projectSlug, `/api/v1/share/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!result.ok) return setError(result.error);
    if (created?.id === id) setCreated(null);
    await reload();
  }

  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="share-panel">
      {canShare ? (
        <form onSubmit={(e) => void onCreate(e)} className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1">
            Expires in
            <select name="hours" defaultValue="168" className="rounded border border-line bg-bg px-1">
              {DURATIONS.map((d) => (
                <option key={d.hours} value={d.hours}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="hideContent" /> Hide inputs, outputs and attribute values
          </label>
          <button type="submit" className="rounded bg-accent px-3 py-1 font-medium text-white">
            Create link
          </button>
        </form>
      ) : (
        <p className="text-xs text-fg-muted">Members and admins create share links.</p>
      )}
      {created ? (
        <div className="flex items-center gap-2 rounded border border-accent/40 p-2" data-testid="share-created">
          <code className="truncate font-mono text-xs" data-testid="share-url">
            {created.url}
          </code>
          <CopyButton text={created.url} />
          <span className="text-xs text-fg-muted">Shown once; anyone with it can read this trace until {formatTimestamp(created.expiresAt).slice(0, 16)}.</span>
        </div>
      ) : null}
      {links.length > 0 ? (
        <ul className="flex flex-col gap-1 text-xs" data-testid="share-links">
          {links.map((link) => (
            <li key={link.id} className="flex items-center gap-2">
              <span>
                Link by {link.createdBy}, expires {formatTimestamp(link.expiresAt).slice(0, 16)}
                {link.hideContent ? ", content hidden" : ""}
              </span>
              {canShare ? (
                <button type="button" className="text-danger hover:underline" onClick={() => void onRevoke(link.id)}>
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
