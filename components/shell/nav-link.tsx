"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { TIME_RANGE_PARAMS } from "@/lib/trace/time-range";
import { buildHref } from "@/lib/trace/url-state";

/** Sidebar link: highlighted on its section, and carries the time range to the next page. */
export function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const isActive = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={buildHref(href, new URLSearchParams(searchParams.toString()), {}, TIME_RANGE_PARAMS)}
      aria-current={isActive ? "page" : undefined}
      className={`block rounded px-3 py-1.5 text-sm ${isActive ? "bg-accent-soft font-medium text-accent" : "text-fg-muted hover:bg-muted hover:text-fg"}`}
    >
      {label}
    </Link>
  );
}
