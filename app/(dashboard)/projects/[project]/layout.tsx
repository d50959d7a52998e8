import type { ReactNode } from "react";
import { Suspense } from "react";
import { cookies } from "next/headers";
import { AppSidebar } from "@/components/shell/app-sidebar";
import { TimeRangePicker } from "@/components/shell/time-range-picker";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listProjectsOfUser } from "@/lib/data/access/projects";
import { parseThemePreference, THEME_COOKIE } from "@/lib/format/theme";
import type { ProjectParams } from "@/lib/trace/page-props";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: ProjectParams }) {
  const caller = await requirePageCaller((await params).project);
  const user = caller.user!;
  const projects = await listProjectsOfUser(user.id, user.isAdmin);
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <div className="flex h-screen overflow-hidden">
      <AppSidebar
        project={{ slug: caller.project.slug, name: caller.project.name, role: caller.role ?? "viewer" }}
        projects={projects.map((p) => ({ slug: p.slug, name: p.name, role: p.role }))}
        user={{ email: user.email, isAdmin: user.isAdmin }}
        theme={theme}
      />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 shrink-0 items-center justify-end gap-3 border-b border-line px-4">
          <Suspense fallback={null}>
            <TimeRangePicker />
          </Suspense>
        </header>
        <main className="flex min-h-0 flex-1 flex-col overflow-auto">{children}</main>
      </div>
    </div>
  );
}
