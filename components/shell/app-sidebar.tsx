import { Suspense } from "react";
import { NavLink } from "@/components/shell/nav-link";
import { ProjectSwitcher, type SwitcherProject } from "@/components/shell/project-switcher";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { projectPath } from "@/lib/format/project-path";
import type { ThemePreference } from "@/lib/format/theme";

const NAV = [
  { path: "/traces", label: "Traces" },
  { path: "/sessions", label: "Sessions" },
  { path: "/dashboards", label: "Dashboards" },
  { path: "/tool-calls", label: "Tool calls" },
  { path: "/approvals", label: "Approval requests" },
  { path: "/alerts", label: "Alerts" },
  { path: "/evaluators", label: "Evaluators" },
  { path: "/review", label: "Review" },
  { path: "/datasets", label: "Datasets" },
  { path: "/retros", label: "Retros" },
  { path: "/mentions", label: "Mentions" },
  { path: "/settings", label: "Settings" },
];

type Props = {
  project: SwitcherProject;
  projects: SwitcherProject[];
  user: { email: string; isAdmin: boolean };
  theme: ThemePreference;
};

/** Left navigation: the project switcher, the project's sections, the user, and the theme switch. */
export function AppSidebar({ project, projects, user, theme }: Props) {
  return (
    <aside className="flex w-52 shrink-0 flex-col border-r border-line bg-surface">
      <div className="flex flex-col gap-1 border-b border-line px-2 py-3">
        <div className="px-2 text-sm font-semibold tracking-tight">Hindsight</div>
        <ProjectSwitcher current={project} projects={projects} canCreate={user.isAdmin} />
      </div>
      <nav className="flex flex-col gap-0.5 p-2" aria-label="Main">
        <Suspense fallback={null}>
          {NAV.map((item) => (
            <NavLink key={item.path} href={projectPath(project.slug, item.path)} label={item.label} />
          ))}
        </Suspense>
      </nav>
      <div className="mt-auto flex flex-col gap-2 p-2">
        <UserMenu email={user.email} isInstanceAdmin={user.isAdmin} />
        <ThemeToggle initialTheme={theme} />
      </div>
    </aside>
  );
}
