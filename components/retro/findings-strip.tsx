"use client";

import { FindingTypeBadge } from "@/components/retro/finding-badges";
import { describeFinding } from "@/lib/format/findings";
import type { Finding } from "@/lib/retro/types";

type Props = {
  findings: readonly Finding[];
  /** The finding whose spans are highlighted, or null. */
  activeIndex: number | null;
  onActivate: (index: number | null) => void;
};

/** The trace's findings, one sentence each; choosing one highlights its spans in the tree and timeline. */
export function FindingsStrip({ findings, activeIndex, onActivate }: Props) {
  if (findings.length === 0) return null;
  return (
    <section className="flex flex-col gap-1 border-b border-line bg-surface px-2 py-1.5" aria-label="Findings" data-testid="findings-strip">
      {findings.map((finding, index) => {
        const isActive = index === activeIndex;
        return (
          <button
            key={`${finding.type}-${finding.spanIds[0] ?? index}`}
            type="button"
            aria-pressed={isActive}
            data-testid="finding"
            data-type={finding.type}
            onClick={() => onActivate(isActive ? null : index)}
            className={`flex min-w-0 items-center gap-2 rounded px-1.5 py-1 text-left text-xs ${isActive ? "bg-accent-soft ring-1 ring-accent" : "hover:bg-muted"}`}
          >
            <FindingTypeBadge type={finding.type} />
            <span className="min-w-0 truncate" title={describeFinding(finding)}>
              {describeFinding(finding)}
            </span>
            <span className="ml-auto shrink-0 text-fg-muted">
              {isActive ? "hide" : `show ${finding.spanIds.length} span${finding.spanIds.length === 1 ? "" : "s"}`}
            </span>
          </button>
        );
      })}
    </section>
  );
}
