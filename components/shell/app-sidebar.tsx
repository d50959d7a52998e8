import { Suspense } from "react";
import { NavLink } from "@/components/shell/nav-link";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import type { ThemePreference } from "@/lib/format/theme";

const NAV = [
  { href: "/traces", label: "Traces" },
  { href: "/sessions", label: "Sessions" },
  { href: "/dashboards", label: "Dashboards" },
  { href: "/alerts", label: "Alerts" },
  { href: "/settings", label: "Settings" },
];

/** Left navigation with the project name and the theme switch. */
export function AppSidebar({ projectName, theme }: { projectName: string; theme: ThemePreference }) {
  return (
    <aside className="flex w-48 shrink-0 flex-col border-r border-line bg-surface">
      <div className="border-b border-line px-4 py-3">
        <div className="text-sm font-semibold tracking-tight">Hindsight</div>
        <div className="truncate text-xs text-fg-muted" title="Project">
          {projectName}
        </div>
      </div>
      <nav className="flex flex-col gap-0.5 p-2" aria-label="Main">
        <Suspense fallback={null}>
          {NAV.map((item) => (
            <NavLink key={item.href} href={item.href} label={item.label} />
          ))}
        </Suspense>
      </nav>
      <div className="mt-auto p-2">
        <ThemeToggle initialTheme={theme} />
      </div>
    </aside>
  );
}
