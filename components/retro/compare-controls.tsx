"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ProjectLink, useProjectPath } from "@/components/shell/project-link";

const diffHref = (a: string, b: string) => `/traces/diff?${new URLSearchParams({ a, b }).toString()}`;

/** "Compare with baseline" and "Compare with…" another run (its trace id or trace link), both opening the trace diff. */
export function CompareControls({ traceId }: { traceId: string }) {
  const router = useRouter();
  const inProject = useProjectPath();
  const [other, setOther] = useState("");
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A pasted trace link works as well as a bare id: the last 32-hex-digit run in the text.
    const id = other
      .toLowerCase()
      .match(/[0-9a-f]{32}/g)
      ?.at(-1);
    if (!id) return setError("Paste a trace id (32 hexadecimal characters) or a trace link.");
    setError(null);
    router.push(inProject(diffHref(traceId, id)));
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="compare-controls">
      <ProjectLink href={diffHref(traceId, "baseline")} className="rounded border border-line px-2 py-0.5 hover:bg-muted" data-testid="compare-baseline">
        Compare with baseline
      </ProjectLink>
      <form onSubmit={onSubmit} className="flex items-center gap-1">
        <input
          value={other}
          onChange={(e) => setOther(e.target.value)}
          placeholder="Other trace id or link"
          aria-label="Trace to compare with"
          className="w-56 rounded border border-line bg-bg px-2 py-0.5 font-mono"
        />
        <button type="submit" className="rounded border border-line px-2 py-0.5 hover:bg-muted">
          Compare with…
        </button>
      </form>
      {error ? (
        <span role="alert" className="text-danger">
          {error}
        </span>
      ) : null}
    </div>
  );
}
