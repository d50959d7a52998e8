import type { Metadata } from "next";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listRetros } from "@/lib/data/collab/retros";
import { formatTimestamp } from "@/lib/format/time";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Retros" };

export default async function RetrosPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const retros = await listRetros(caller.scope);
  return (
    <div className="flex flex-col gap-4 p-4">
      <PageHeader title="Retros" subtitle="Start one from a trace, from selected runs in the trace list, or from an alert incident." />
      <ProjectLink href="/mentions" className="self-start text-sm text-accent hover:underline" data-testid="mentions-link">
        Comments that mention you
      </ProjectLink>
      {retros.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted">No retros yet.</p>
      ) : (
        <table className="w-full rounded-lg border border-line text-sm" data-testid="retro-table">
          <thead className="bg-surface text-xs text-fg-muted">
            <tr>
              {["Title", "Severity", "Status", "Traces", "Created"].map((h) => (
                <th key={h} scope="col" className="px-2 py-2 text-left font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {retros.map((r) => (
              <tr key={r.id} data-testid="retro-row">
                <td className="px-2 py-1.5">
                  <ProjectLink href={`/retros/${r.id}`} className="font-medium hover:text-accent">
                    {r.title}
                  </ProjectLink>
                </td>
                <td className="px-2 py-1.5">{r.severity}</td>
                <td className="px-2 py-1.5">{r.status}</td>
                <td className="px-2 py-1.5 tabular-nums">{r.traceCount}</td>
                <td className="px-2 py-1.5 text-fg-muted">
                  {formatTimestamp(r.createdAt).slice(0, 16)} by {r.createdBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
