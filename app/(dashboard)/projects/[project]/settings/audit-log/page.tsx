import type { Metadata } from "next";
import Link from "next/link";
import { AuditLogTable } from "@/components/settings/audit-log-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listAuditEvents } from "@/lib/data/access/audit-log";
import { projectPath } from "@/lib/format/project-path";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { firstParam } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ params, searchParams }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project, "admin");
  const cursor = firstParam(await searchParams, "cursor");
  const page = await listAuditEvents(caller.scope, { cursor, limit: 100 });
  const base = projectPath(caller.project.slug, "/settings/audit-log");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Audit log" subtitle="Sign-ins of the project's members, and every change to its keys, members, prices, rules and settings." />
      <AuditLogTable events={page.data} />
      <nav className="flex justify-end gap-2 text-sm" aria-label="Pagination">
        {cursor ? (
          <Link className="rounded border border-line px-3 py-1 hover:bg-surface" href={base}>
            ← Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className="rounded border border-line px-3 py-1 hover:bg-surface" href={`${base}?cursor=${encodeURIComponent(page.nextCursor)}`}>
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
