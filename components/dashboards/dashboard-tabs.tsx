"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { TIME_RANGE_PARAMS } from "@/lib/trace/time-range";
import { buildHref } from "@/lib/trace/url-state";

/** Tabs between the pages of a section (dashboards, settings); each keeps the shared time range. */
export function DashboardTabs({ tabs, label = "Dashboards" }: { tabs: { href: string; label: string }[]; label?: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (
    <nav className="flex gap-1 border-b border-line" aria-label={label}>
      {tabs.map((tab) => {
        const isActive = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={buildHref(tab.href, new URLSearchParams(searchParams.toString()), {}, TIME_RANGE_PARAMS)}
            aria-current={isActive ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${isActive ? "border-accent font-medium text-accent" : "border-transparent text-fg-muted hover:text-fg"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
