"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useProjectPath } from "@/components/shell/project-link";

/** The name of the checkboxes (one per trace row, value = trace id) of the run selection. */
export const COMPARE_INPUT = "compare";

type RunSelection = {
  /** Ticked runs of the page shown, in ticking order: the first one ticked is run A of a comparison. */
  selected: string[];
  pageIds: readonly string[];
  toggle: (traceId: string, isOn: boolean) => void;
  setPage: (isOn: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<RunSelection | null>(null);

/** The trace list's selection, for the bulk actions rendered inside `CompareForm`. */
export function useRunSelection(): RunSelection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useRunSelection outside CompareForm");
  return selection;
}

type Props = {
  /** The runs of the page shown, in list order: "select all" ticks these. */
  pageIds: readonly string[];
  /** Bulk actions on the selection (they read it with `useRunSelection`). */
  actions?: ReactNode;
  children: ReactNode;
};

/**
 * Wraps the trace list with its one run selection: the row checkboxes and "select all on this page" tick
 * runs; two ticked runs open side by side in the trace diff, and the bulk actions work on all of them.
 * Runs that left the page (another page, other filters) leave the selection, so it never acts on rows
 * the user cannot see.
 */
export function CompareForm({ pageIds, actions, children }: Props) {
  const router = useRouter();
  const inProject = useProjectPath();
  const [ticked, setTicked] = useState<string[]>([]);
  const selected = ticked.filter((id) => pageIds.includes(id));
  const selection: RunSelection = {
    selected,
    pageIds,
    toggle: (traceId, isOn) => setTicked((current) => [...current.filter((id) => id !== traceId), ...(isOn ? [traceId] : [])]),
    setPage: (isOn) => setTicked((current) => (isOn ? [...current, ...pageIds.filter((id) => !current.includes(id))] : [])),
    clear: () => setTicked([]),
  };

  const [a, b] = selected;
  const isReady = selected.length === 2 && a !== undefined && b !== undefined;
  return (
    <SelectionContext.Provider value={selection}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (isReady) router.push(inProject(`/traces/diff?${new URLSearchParams({ a, b }).toString()}`));
        }}
        className="flex flex-col gap-2"
        data-testid="compare-form"
      >
        <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
          <button
            type="submit"
            disabled={!isReady}
            className="rounded border border-line px-2 py-0.5 text-fg enabled:hover:bg-muted disabled:opacity-40"
            data-testid="compare-selected"
          >
            Compare selected runs
          </button>
          <span data-testid="selection-count">
            {selected.length === 0 ? "Tick runs to compare two side by side or act on several" : `${selected.length} selected`}
            {selected.length > 2 ? " (compare takes exactly two)" : ""}
          </span>
          {actions}
        </div>
        {children}
      </form>
    </SelectionContext.Provider>
  );
}

/** A row's checkbox. Above the row's stretched link, so ticking does not open the trace. */
export function RunCheckbox({ traceId, name }: { traceId: string; name: string }) {
  const { selected, toggle } = useRunSelection();
  return (
    <input
      type="checkbox"
      name={COMPARE_INPUT}
      value={traceId}
      checked={selected.includes(traceId)}
      onChange={(event) => toggle(traceId, event.target.checked)}
      aria-label={`Select ${name}`}
      className="relative z-10 align-middle"
      data-testid="compare-checkbox"
    />
  );
}

/** The header checkbox: ticks every run of the page, or clears the selection; half-ticked for some. */
export function SelectPageCheckbox() {
  const { selected, pageIds, setPage } = useRunSelection();
  const ref = useRef<HTMLInputElement>(null);
  const isAll = pageIds.length > 0 && selected.length === pageIds.length;
  const isSome = selected.length > 0 && !isAll;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = isSome;
  }, [isSome]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={isAll}
      onChange={(event) => setPage(event.target.checked)}
      aria-label="Select all runs on this page"
      className="align-middle"
      data-testid="select-page"
    />
  );
}
