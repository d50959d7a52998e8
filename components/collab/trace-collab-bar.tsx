"use client";

import { projectApiUrl } from "./api-client";
import { RetroActions } from "./retro-actions";
import { SharePanel, type ShareLinkRow } from "./share-panel";
import { TagEditor } from "./tag-editor";

type Props = {
  projectSlug: string;
  traceId: string;
  traceName: string;
  tags: string[];
  vocabulary: string[];
  canWrite: boolean;
  shareLinks: ShareLinkRow[];
  openRetros: { id: string; title: string }[];
};

/** Under the trace header: the trace's tags, its share links and its downloads. */
export function TraceCollabBar({ projectSlug, traceId, traceName, tags, vocabulary, canWrite, shareLinks, openRetros }: Props) {
  const exportUrl = (format: string) => projectApiUrl(projectSlug, `/api/v1/traces/${traceId}/export?format=${format}`);
  return (
    <div className="flex flex-wrap items-start gap-4 border-t border-line px-4 py-2 text-sm" data-testid="trace-collab-bar">
      <div className="flex items-center gap-2">
        <span className="text-xs text-fg-muted">Tags</span>
        <TagEditor projectSlug={projectSlug} traceId={traceId} tags={tags} vocabulary={vocabulary} canEdit={canWrite} />
      </div>
      <details className="min-w-0" data-testid="share-details">
        <summary className="cursor-pointer text-xs text-fg-muted hover:text-fg">Share link</summary>
        <div className="pt-2">
          <SharePanel projectSlug={projectSlug} traceId={traceId} canShare={canWrite} initialLinks={shareLinks} />
        </div>
      </details>
      {canWrite ? <RetroActions projectSlug={projectSlug} traceIds={[traceId]} defaultTitle={`Retro: ${traceName}`} openRetros={openRetros} /> : null}
      <span className="ml-auto flex gap-3 text-xs">
        <a href={exportUrl("otlp-json")} download className="text-accent hover:underline" data-testid="export-otlp">
          Export OTLP JSON
        </a>
        <a href={exportUrl("json")} download className="text-accent hover:underline" data-testid="export-json">
          Export JSON
        </a>
      </span>
    </div>
  );
}
