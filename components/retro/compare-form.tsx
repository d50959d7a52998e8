"use client";

import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type ReactNode } from "react";
import { useProjectPath } from "@/components/shell/project-link";

/** The name of the checkboxes (one per trace row, value = trace id) this form compares. */
export const COMPARE_INPUT = "compare";

/**
 * Wraps the trace list so two runs can be ticked and opened side by side in the trace diff. The
 * checkboxes are rendered by the (server) table; this only tracks which are ticked, in ticking order:
 * the first one ticked is run A.
 */
export function CompareForm({ children }: { children: ReactNode }) {
  const router = useRouter();
  const inProject = useProjectPath();
  const [selected, setSelected] = useState<string[]>([]);

  function onChange(event: ChangeEvent<HTMLFormElement>) {
    const input = event.target as unknown as HTMLInputElement;
    if (input.name !== COMPARE_INPUT) return;
    setSelected((current) => (input.checked ? [...current.filter((id) => id !== input.value), input.value] : current.filter((id) => id !== input.value)));
  }

  const [a, b] = selected;
  const isReady = selected.length === 2 && a !== undefined && b !== undefined;
  return (
    <form
      onChange={onChange}
      onSubmit={(event) => {
        event.preventDefault();
        if (isReady) router.push(inProject(`/traces/diff?${new URLSearchParams({ a, b }).toString()}`));
      }}
      className="flex flex-col gap-2"
      data-testid="compare-form"
    >
      <div className="flex items-center gap-2 text-xs text-fg-muted">
        <button
          type="submit"
          disabled={!isReady}
          className="rounded border border-line px-2 py-0.5 text-fg enabled:hover:bg-muted disabled:opacity-40"
          data-testid="compare-selected"
        >
          Compare selected runs
        </button>
        <span>
          {selected.length === 2 ? "2 runs selected" : selected.length > 2 ? "Select exactly two runs" : "Tick two runs to compare them side by side"}
        </span>
      </div>
      {children}
    </form>
  );
}
