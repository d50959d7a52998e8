"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { FormEvent } from "react";
import { FAILURE_MODE_LABELS, FINDING_TYPE_LABELS } from "@/lib/format/findings";
import { FAILURE_MODES, FINDING_TYPES } from "@/lib/retro/finding-kinds";
import { TRACE_FILTER_KEYS } from "@/lib/trace/trace-list-params";
import { buildHref } from "@/lib/trace/url-state";

const TEXT_FIELDS = [
  { key: "name", label: "Name (task)" },
  { key: "agent", label: "Agent" },
  { key: "model", label: "Model" },
  { key: "tool", label: "Tool" },
  { key: "sessionId", label: "Session" },
  { key: "userId", label: "User" },
] as const;

const RANGE_FIELDS = [
  { min: "minDurationMs", max: "maxDurationMs", label: "Duration (ms)", step: "1" },
  { min: "minCostUsd", max: "maxCostUsd", label: "Cost (USD)", step: "any" },
] as const;

const input = "w-full rounded border border-line bg-bg px-2 py-1 text-sm placeholder:text-fg-muted/70";

/** Every filter of GET /api/v1/traces, written to the URL on submit (so the view is a shareable link). */
export function TraceFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const get = (key: string) => searchParams.get(key) ?? "";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const changes: Record<string, string | null> = { cursor: null };
    for (const key of TRACE_FILTER_KEYS) {
      const value = data.get(key);
      changes[key] = typeof value === "string" && value.trim() ? value.trim() : null;
    }
    router.push(buildHref(pathname, new URLSearchParams(searchParams.toString()), changes));
  }

  function onClear() {
    const changes = Object.fromEntries([...TRACE_FILTER_KEYS, "cursor"].map((key) => [key, null]));
    router.push(buildHref(pathname, new URLSearchParams(searchParams.toString()), changes));
  }

  return (
    // Re-mount on URL change so the inputs show the applied filters after back/forward navigation.
    <form key={searchParams.toString()} onSubmit={onSubmit} className="flex flex-col gap-2" role="search" data-testid="trace-filters">
      <div className="flex gap-2">
        <input name="q" defaultValue={get("q")} placeholder="Search names, inputs, outputs, errors…" className={input} aria-label="Full-text search" />
        <select name="status" defaultValue={get("status")} className="rounded border border-line bg-bg px-2 text-sm" aria-label="Status">
          <option value="">Any status</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
        </select>
        <select name="finding" defaultValue={get("finding")} className="rounded border border-line bg-bg px-2 text-sm" aria-label="Finding">
          <option value="">Finding: any or none</option>
          {FINDING_TYPES.map((type) => (
            <option key={type} value={type}>
              {FINDING_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <select name="failureMode" defaultValue={get("failureMode")} className="rounded border border-line bg-bg px-2 text-sm" aria-label="Failure mode">
          <option value="">Failure mode: any or none</option>
          {FAILURE_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {FAILURE_MODE_LABELS[mode]}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-white">
          Apply
        </button>
        <button type="button" onClick={onClear} className="rounded border border-line px-3 py-1 text-sm text-fg-muted hover:text-fg">
          Clear
        </button>
      </div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-8">
        {TEXT_FIELDS.map((field) => (
          <input key={field.key} name={field.key} defaultValue={get(field.key)} placeholder={field.label} aria-label={field.label} className={input} />
        ))}
        {RANGE_FIELDS.map((field) => (
          <div key={field.min} className="col-span-2 flex items-center gap-1 xl:col-span-4">
            <span className="w-28 shrink-0 text-xs text-fg-muted">{field.label}</span>
            <input
              name={field.min}
              type="number"
              min="0"
              step={field.step}
              defaultValue={get(field.min)}
              placeholder="min"
              aria-label={`Minimum ${field.label}`}
              className={input}
            />
            <span className="text-fg-muted">–</span>
            <input
              name={field.max}
              type="number"
              min="0"
              step={field.step}
              defaultValue={get(field.max)}
              placeholder="max"
              aria-label={`Maximum ${field.label}`}
              className={input}
            />
          </div>
        ))}
      </div>
    </form>
  );
}
