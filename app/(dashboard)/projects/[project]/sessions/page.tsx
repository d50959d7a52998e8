import type { Metadata } from "next";
import Link from "next/link";
import { SessionTable } from "@/components/sessions/session-table";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestTimeMs } from "@/lib/format/time";
import { listSessions } from "@/lib/data/traces/sessions";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { resolveTimeRange } from "@/lib/trace/time-range";
import { buildHref, firstParam } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ params: routeParams, searchParams }: ProjectPageProps) {
  const caller = await requirePageCaller((await routeParams).project);
  const sessionsPath = projectPath(caller.project.slug, "/sessions");
  const params = await searchParams;
  const range = resolveTimeRange({ range: firstParam(params, "range"), from: firstParam(params, "from"), to: firstParam(params, "to") }, getRequestTimeMs());
  const cursor = firstParam(params, "cursor");
  const page = await listSessions(caller.scope, { from: range.from, to: range.to, limit: 50, cursor });

  return (
    <div className="flex flex-col gap-4 p-4">
      <PageHeader title="Sessions" subtitle={`Conversations (traces sharing a session id) · ${range.label}`} />
      {page.data.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted" data-testid="no-sessions">
          No sessions in this time range. Traces join a session when a span carries <code className="font-mono">session.id</code> (or{" "}
          <code className="font-mono">gen_ai.conversation.id</code>, <code className="font-mono">langfuse.session.id</code>).
        </div>
      ) : (
        <SessionTable sessions={page.data} />
      )}
      <nav className="flex justify-end gap-2 text-sm" aria-label="Pagination">
        {cursor ? (
          <Link className="rounded border border-line px-3 py-1 hover:bg-surface" href={buildHref(sessionsPath, params, { cursor: null })}>
            ← First page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className="rounded border border-line px-3 py-1 hover:bg-surface" href={buildHref(sessionsPath, params, { cursor: page.nextCursor })}>
            Next page →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
