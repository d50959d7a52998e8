// Domain types of the sessions pages, safe to import from components (lib/data/traces/sessions.ts returns them).
import type { TraceSummary } from "@/lib/trace/types";

/** A session: the traces (turns) that share a sessionId. */
export type SessionSummary = {
  sessionId: string;
  userId: string | null;
  turnCount: number;
  firstTraceName: string | null;
  firstStartTime: string;
  lastEndTime: string;
  /** Sum of the turns' durations (time spent working, not the wall-clock length of the session). */
  totalDurationMs: number;
  totalTokens: number;
  errorCount: number;
  /** Null when no turn could be priced. */
  costUsd: number | null;
  hasUnpriced: boolean;
};

export type SessionPage = { data: SessionSummary[]; nextCursor: string | null };
export type SessionDetail = { sessionId: string; turns: TraceSummary[]; summary: SessionSummary };
