import { FAILURE_MODE_LABELS, FINDING_BADGES } from "@/lib/format/findings";
import type { FailureMode, FindingType } from "@/lib/retro/finding-kinds";

const BADGE = "inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap";
const TONE: Record<FindingType, string> = {
  tool_loop: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  agent_cycle: "bg-violet-500/15 text-violet-700 dark:text-violet-300",
  repeated_llm_call: "bg-sky-500/15 text-sky-700 dark:text-sky-300",
  failure: "bg-danger/10 text-danger",
};

/** One badge per finding type present ("loop ×2"), failures shown by their mode instead. */
export function FindingBadges({ failureMode, findingCounts }: { failureMode: FailureMode | null; findingCounts: Record<FindingType, number> }) {
  const types = (["tool_loop", "agent_cycle", "repeated_llm_call"] as const).filter((type) => findingCounts[type] > 0);
  if (!failureMode && types.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="finding-badges">
      {failureMode ? <FailureModeBadge mode={failureMode} /> : null}
      {types.map((type) => (
        <span key={type} className={`${BADGE} ${TONE[type]}`} data-finding={type} title={`${findingCounts[type]} ${FINDING_BADGES[type]} finding(s)`}>
          {FINDING_BADGES[type]}
          {findingCounts[type] > 1 ? ` ×${findingCounts[type]}` : ""}
        </span>
      ))}
    </span>
  );
}

export function FailureModeBadge({ mode }: { mode: FailureMode }) {
  return (
    <span className={`${BADGE} ${TONE.failure}`} data-failure-mode={mode} title="Failure mode of the run's first real failure">
      {FAILURE_MODE_LABELS[mode] ?? mode}
    </span>
  );
}

export function FindingTypeBadge({ type }: { type: FindingType }) {
  return <span className={`${BADGE} ${TONE[type]}`}>{FINDING_BADGES[type]}</span>;
}
