"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useProjectPath } from "@/components/shell/project-link";
import type { TraceLinkFilter } from "@/lib/format/chart";
import { buildTracesHref } from "@/lib/format/traces-href";

/** Opens the current project's traces (or the list at `path`) behind a chart element: its filter over [fromMs, toMs). */
export function useTraceLink(path = "/traces"): (filter: TraceLinkFilter, fromMs: number, toMs: number) => void {
  const router = useRouter();
  const inProject = useProjectPath();
  return useCallback((filter, fromMs, toMs) => router.push(buildTracesHref(inProject(path), filter, fromMs, toMs)), [router, inProject, path]);
}
