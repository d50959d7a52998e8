"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { buildHref } from "@/lib/trace/url-state";

const INTERVAL_MS = 3000;

/**
 * Live mode: re-renders the server component every few seconds so new traces appear at the top.
 * Only on the first page; a paged view would shift under the reader.
 */
export function LiveRefresh({ isEnabled, isFirstPage }: { isEnabled: boolean; isFirstPage: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [tick, setTick] = useState(0);
  const isActive = isEnabled && isFirstPage;

  useEffect(() => {
    if (!isActive) return;
    const id = window.setInterval(() => {
      if (document.visibilityState !== "visible") return;
      router.refresh();
      setTick((n) => n + 1);
    }, INTERVAL_MS);
    return () => window.clearInterval(id);
  }, [isActive, router]);

  function toggle() {
    router.push(buildHref(pathname, new URLSearchParams(searchParams.toString()), { live: isEnabled ? null : "1", cursor: null }));
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={isEnabled}
      data-testid="live-toggle"
      data-refreshes={tick}
      className={`flex items-center gap-2 rounded border px-2 py-1 text-sm ${isEnabled ? "border-ok/40 text-ok" : "border-line text-fg-muted hover:text-fg"}`}
      title={isEnabled ? "Showing new traces as they arrive (click to pause)" : "Show new traces as they arrive"}
    >
      <span className={`size-2 rounded-full ${isActive ? "animate-pulse bg-ok" : "bg-fg-muted/50"}`} aria-hidden="true" />
      {isEnabled ? "Live" : "Go live"}
    </button>
  );
}
