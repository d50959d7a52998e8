import "server-only";
// Analyses one claimed trace: its spans in, its findings and step sequence out (lib/retro does the
// analysis; one index serves both). Storing is the caller's, a batch at a time.
import { loadRetroSpans } from "@/lib/data/findings/retro-spans";
import type { FindingsClaim } from "@/lib/data/findings/findings-queue";
import type { TraceAnalysisResult } from "@/lib/data/findings/store-findings";
import type { ProjectScope } from "@/lib/data/scope";
import { detectFindingsInIndex, indexTrace, stepSignature } from "@/lib/retro";

export async function analyseClaimedTrace(scope: ProjectScope, claim: FindingsClaim, loopThreshold: number): Promise<TraceAnalysisResult> {
  const index = indexTrace(await loadRetroSpans(scope, claim.traceId, "findings", loopThreshold));
  const findings = detectFindingsInIndex(index, { loopThreshold });
  const steps = Array.from(index.preorder, (i) => stepSignature(index.spans[i]!, index.kinds[i]!));
  return { claim, findings, steps };
}
