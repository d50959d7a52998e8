"use client";
// The project switcher at the top of the sidebar: the current project, and links to the same section of
// every other project the user belongs to.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { projectPath } from "@/lib/format/project-path";

export type SwitcherProject = { slug: string; name: string; role: string };

/** The section of the current page ("/traces", "/settings/members"), so switching keeps the user's place. */
function sectionOf(pathname: string): string {
  const match = /^\/projects\/[^/]+(\/[^/]+)?/.exec(pathname);
  return match?.[1] ?? "/traces";
}

export function ProjectSwitcher({ current, projects, canCreate }: { current: SwitcherProject; projects: SwitcherProject[]; canCreate: boolean }) {
  const section = sectionOf(usePathname());
  return (
    <details className="group relative" data-testid="project-switcher">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded px-2 py-1 hover:bg-muted" aria-label="Switch project">
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium" data-testid="current-project">
            {current.name}
          </span>
          <span className="block truncate text-xs text-fg-muted">{current.role}</span>
        </span>
        <span aria-hidden className="text-fg-muted">
          ▾
        </span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-56 rounded border border-line bg-bg p-1 shadow-lg">
        {projects.map((p) => (
          <Link
            key={p.slug}
            href={projectPath(p.slug, section)}
            aria-current={p.slug === current.slug ? "true" : undefined}
            className={`block truncate rounded px-2 py-1 text-sm hover:bg-muted ${p.slug === current.slug ? "font-medium text-accent" : ""}`}
          >
            {p.name}
          </Link>
        ))}
        <div className="my-1 border-t border-line" />
        <Link href="/projects" className="block rounded px-2 py-1 text-sm text-fg-muted hover:bg-muted hover:text-fg">
          {canCreate ? "All projects · new project" : "All projects"}
        </Link>
      </div>
    </details>
  );
}
