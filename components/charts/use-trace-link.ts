"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { TraceLinkFilter } from "@/lib/format/chart";
import { buildTracesHref } from "@/lib/format/traces-href";

/** Opens the traces behind a chart element: its filter over [fromMs, toMs). */
export function useTraceLink(): (filter: TraceLinkFilter, fromMs: number, toMs: number) => void {
  const router = useRouter();
  return useCallback((filter, fromMs, toMs) => router.push(buildTracesHref(filter, fromMs, toMs)), [router]);
}
