"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { DEFAULT_TIME_RANGE, TIME_RANGE_PRESETS } from "@/lib/trace/time-range";
import { buildHref } from "@/lib/trace/url-state";

/** ISO → value of an <input type="datetime-local"> in the browser's zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Time range shared by every page, stored in the URL (`range`, or custom `from`/`to`). */
export function TimeRangePicker() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isCustomOpen, setIsCustomOpen] = useState(false);
  const from = searchParams.get("from");
  const to = searchParams.get("to");
  const isCustom = Boolean(from || to);
  const value = isCustom ? "custom" : (searchParams.get("range") ?? DEFAULT_TIME_RANGE);

  function navigate(changes: Record<string, string | null>) {
    router.push(buildHref(pathname, new URLSearchParams(searchParams.toString()), { ...changes, cursor: null }));
  }

  function onSelect(next: string) {
    if (next === "custom") return setIsCustomOpen(true);
    setIsCustomOpen(false);
    navigate({ range: next === DEFAULT_TIME_RANGE ? null : next, from: null, to: null });
  }

  function onApply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const toIso = (v: FormDataEntryValue | null) => (typeof v === "string" && v ? new Date(v).toISOString() : null);
    setIsCustomOpen(false);
    navigate({ range: null, from: toIso(data.get("from")), to: toIso(data.get("to")) });
  }

  return (
    <div className="relative flex items-center gap-2">
      <label className="sr-only" htmlFor="time-range">
        Time range
      </label>
      <select
        id="time-range"
        data-testid="time-range"
        value={isCustomOpen ? "custom" : value}
        onChange={(e) => onSelect(e.target.value)}
        className="rounded border border-line bg-bg px-2 py-1 text-sm"
      >
        {TIME_RANGE_PRESETS.map((preset) => (
          <option key={preset.value} value={preset.value}>
            {preset.label}
          </option>
        ))}
        <option value="custom">Custom range…</option>
      </select>
      {isCustomOpen ? (
        <form onSubmit={onApply} className="absolute top-9 right-0 z-20 flex flex-col gap-2 rounded-lg border border-line bg-bg p-3 text-sm shadow-lg">
          <label className="flex items-center justify-between gap-2">
            From <input type="datetime-local" name="from" defaultValue={toLocalInput(from)} className="rounded border border-line bg-bg px-1" required />
          </label>
          <label className="flex items-center justify-between gap-2">
            To <input type="datetime-local" name="to" defaultValue={toLocalInput(to)} className="rounded border border-line bg-bg px-1" />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => setIsCustomOpen(false)} className="px-2 py-1 text-fg-muted">
              Cancel
            </button>
            <button type="submit" className="rounded bg-accent px-2 py-1 text-white">
              Apply
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
