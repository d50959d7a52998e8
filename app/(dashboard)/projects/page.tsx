import type { Metadata } from "next";
import Link from "next/link";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { SimpleShell } from "@/components/shell/simple-shell";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-page";
import { listProjectsOfUser } from "@/lib/data/access/projects";
import { projectPath } from "@/lib/format/project-path";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await requireUser();
  const projects = await listProjectsOfUser(user.id, user.isAdmin);
  return (
    <SimpleShell user={user}>
      <PageHeader
        title="Projects"
        subtitle={user.isAdmin ? "Every project of this Hindsight (you are an instance admin)." : "The projects you are a member of."}
      />
      {projects.length === 0 ? (
        <p className="text-sm text-fg-muted" data-testid="no-projects">
          You are not a member of any project yet. Ask a project admin to add you.
        </p>
      ) : (
        <ul className="divide-y divide-line rounded border border-line" data-testid="project-list">
          {projects.map((p) => (
            <li key={p.id} className="flex items-center justify-between px-3 py-2 text-sm">
              <Link href={projectPath(p.slug, "/traces")} className="font-medium text-accent hover:underline">
                {p.name}
              </Link>
              <span className="text-xs text-fg-muted">
                {p.slug} · {p.role}
              </span>
            </li>
          ))}
        </ul>
      )}
      {user.isAdmin ? (
        <section className="flex flex-col gap-2">
          <h2 className="text-base font-semibold">New project</h2>
          <CreateProjectForm />
        </section>
      ) : null}
    </SimpleShell>
  );
}
