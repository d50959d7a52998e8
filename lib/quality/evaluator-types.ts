// Online evaluators as the API and the Evaluators page show them. Pure; safe in client components.
import type { EvaluatorConfig } from "./evaluator-config";

export type BackfillState = "queued" | "running" | "done" | "failed";

export type BackfillProgress = { jobId: string; state: BackfillState; done: number; total: number; from: string; to: string; createdAt: string };

export type EvaluatorView = EvaluatorConfig & {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** The last failure (a judge call that failed, an answer that could not be read), never a score. */
  lastError: string | null;
  lastErrorAt: string | null;
  failureCount: number;
  /** What the judge's own calls cost today (UTC), against maxCostUsdPerDay. */
  costTodayUsd: number;
  lastBackfill: BackfillProgress | null;
};
