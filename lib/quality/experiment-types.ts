// Experiments and their comparison as the API answers them (JSON schemas: lib/api/openapi/schemas/
// experiments.ts). Safe to import from client components.
import type { Status } from "@/lib/trace/types";

export type Experiment = {
  id: string;
  name: string;
  datasetId: string;
  metadata: Record<string, unknown> | null;
  createdAt: string;
  /** Items run, and how many of those runs threw. */
  runCount: number;
  errorCount: number;
};

/** A score the SDK's evaluators gave a run, as it was posted. */
export type RunScoreInput = { name: string; value: number | null; label: string | null; comment: string | null };

export type ExperimentRun = { itemId: string; traceId: string; error: string | null; scores: RunScoreInput[] };

/** Each score of a run, by name (the last one given when an evaluator scored a name twice). */
export type RunScore = { name: string; value: number | null; label: string | null; passed: boolean };

/** One item's run as the comparison shows it; figures are null while its trace is not stored. */
export type RunFigures = {
  traceId: string;
  status: Status | null;
  error: string | null;
  costUsd: number | null;
  durationMs: number | null;
  output: unknown;
  scores: RunScore[];
};

export type ItemVerdict = "improved" | "regressed" | "mixed" | "unchanged" | "only_a" | "only_b";

export type ComparedItem = { itemId: string; a: RunFigures | null; b: RunFigures | null; verdict: ItemVerdict };

export type ScoreFigures = { name: string; count: number; mean: number | null; passRate: number };

export type ExperimentFigures = {
  experimentId: string;
  name: string;
  runs: number;
  errors: number;
  /** Sum over the runs whose trace has a cost; the mean per such run. */
  costUsd: number;
  meanCostUsd: number | null;
  meanDurationMs: number | null;
  scores: ScoreFigures[];
};

/** How one score moved over the items both experiments ran (b against a). */
export type ScoreChange = {
  name: string;
  pairs: number;
  improved: number;
  regressed: number;
  unchanged: number;
  meanA: number | null;
  meanB: number | null;
  passRateA: number;
  passRateB: number;
};

export type ComparisonSummary = {
  a: ExperimentFigures;
  b: ExperimentFigures;
  /** Items both experiments ran. */
  pairs: number;
  scores: ScoreChange[];
  improved: string[];
  regressed: string[];
  mixed: string[];
  unchanged: number;
  /** b against a over the pairs, in %; null when a's figure is 0 or missing. */
  costChangePct: number | null;
  durationChangePct: number | null;
};

export type ExperimentComparison = { items: ComparedItem[]; summary: ComparisonSummary };
