// Findings of one trace: tool loops, agent cycles, repeated LLM calls and the first real failure. Pure and
// deterministic: the same spans in any order give the same findings in the same order (by the start of
// their first span, then by type in FINDING_TYPES order, then by that span's id).
import { findAgentCycles } from "@/lib/retro/find-agent-cycles";
import { findFirstFailure } from "@/lib/retro/find-failure";
import { findRepeatedLlmCalls } from "@/lib/retro/find-repeated-llm-calls";
import { findToolLoops } from "@/lib/retro/find-tool-loops";
import { indexTrace, type TraceIndex } from "@/lib/retro/trace-index";
import { FINDING_TYPES, type Finding, type FindingType, type FindingsSummary, type RetroSpan } from "@/lib/retro/types";

/** Calls of one tool with the same arguments (or identical LLM calls) from which a repetition is a finding. */
export const DEFAULT_LOOP_THRESHOLD = 3;

export type DetectFindingsOptions = { loopThreshold?: number };

/** All findings of a trace's spans. Throws a RangeError for a loop threshold that is not an integer ≥ 2. */
export function detectFindings(spans: readonly RetroSpan[], options: DetectFindingsOptions = {}): Finding[] {
  return detectFindingsInIndex(indexTrace(spans), options);
}

/** The same, for a trace already indexed (the critical path and the diff use the same index). */
export function detectFindingsInIndex(index: TraceIndex, options: DetectFindingsOptions = {}): Finding[] {
  const threshold = options.loopThreshold ?? DEFAULT_LOOP_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`loopThreshold must be an integer of at least 2, got ${String(threshold)}`);
  const failure = findFirstFailure(index);
  const findings = [...findToolLoops(index, threshold), ...findAgentCycles(index), ...findRepeatedLlmCalls(index, threshold), ...(failure ? [failure] : [])];
  const firstSpan = (f: Finding) => index.position.get(f.spanIds[0]!) ?? -1;
  return findings.sort(
    (a, b) =>
      firstSpan(a) - firstSpan(b) || FINDING_TYPES.indexOf(a.type) - FINDING_TYPES.indexOf(b.type) || compareIds(a.spanIds.join(","), b.spanIds.join(",")),
  );
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The trace-level figures of its findings: the failure mode of its failure, and how many findings of each type. */
export function summariseFindings(findings: readonly Finding[]): FindingsSummary {
  const findingCounts = Object.fromEntries(FINDING_TYPES.map((type) => [type, 0])) as Record<FindingType, number>;
  let failureMode: FindingsSummary["failureMode"] = null;
  for (const finding of findings) {
    findingCounts[finding.type]++;
    if (finding.type === "failure" && failureMode === null) failureMode = finding.failureMode ?? "unknown_error";
  }
  return { failureMode, findingCounts };
}
