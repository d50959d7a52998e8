// Retro analysis: findings, failure classification, critical path and trace diff. Pure functions over a
// trace's spans; see README.md in this folder for how to call them at ingest and in the API.
export { detectFindings, detectFindingsInIndex, summariseFindings, DEFAULT_LOOP_THRESHOLD, type DetectFindingsOptions } from "@/lib/retro/detect-findings";
export { classifyFailure, hasFailingSignal, type FailureClassification } from "@/lib/retro/classify-failure";
export { FAILURE_SIGNALS, FAILURE_REFINEMENTS, type FailureSignal, type FailureRefinement } from "@/lib/retro/failure-signals";
export { criticalPath, criticalPathOfIndex } from "@/lib/retro/critical-path";
export { diffTraces, diffIndexedTraces } from "@/lib/retro/diff-traces";
export { textDiff, displayText, type TextDiff, type TextDiffPart, type TextDiffOptions } from "@/lib/retro/text-diff";
export { stepSequence, stepSequenceSimilarity, pickBaseline, type BaselineCandidate } from "@/lib/retro/step-similarity";
export { stepSignature } from "@/lib/retro/signature";
export { canonicalKey, canonicalText, canonicalHash } from "@/lib/retro/canonical";
export { sameContent } from "@/lib/retro/same-content";
export { indexTrace, effectiveKind, type TraceIndex } from "@/lib/retro/trace-index";
export { retroSpanFromStored, retroSpanFromApi, type StoredSpanFields } from "@/lib/retro/from-stored-span";
export { RETRO_ATTRIBUTE_KEYS } from "@/lib/retro/attribute-keys";
export {
  FAILURE_MODES,
  FINDING_TYPES,
  RETRO_KINDS,
  type ChangedField,
  type CriticalPath,
  type CriticalPathSegment,
  type Deltas,
  type DiffStep,
  type FailureMode,
  type Finding,
  type FindingType,
  type FindingsSummary,
  type RetroEvent,
  type RetroKind,
  type RetroSpan,
  type StepRef,
  type TraceDiff,
} from "@/lib/retro/types";
