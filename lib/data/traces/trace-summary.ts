import "server-only";
// Stored trace rows → the API's TraceSummary.
import { roundUsdOrNull } from "@/lib/pricing/round-usd";
import type { FailureMode } from "@/lib/retro/finding-kinds";
import type { Status, TraceSummary } from "@/lib/trace/types";

export type TraceRow = {
  traceId: string;
  name: string;
  serviceName: string | null;
  startNs: bigint;
  endNs: bigint;
  durationMs: number;
  status: string;
  spanCount: number;
  errorCount: number;
  llmCallCount: number;
  toolCallCount: number;
  /** BIGINT columns (a long trace's sums pass 2^31): exact as numbers up to 2^53. */
  inputTokens: number | bigint;
  outputTokens: number | bigint;
  totalTokens: number | bigint;
  costUsd: number | null;
  hasUnpriced: boolean;
  sessionId: string | null;
  userId: string | null;
  agentName: string | null;
  models: string;
  failureMode: string | null;
  toolLoopCount: number;
  agentCycleCount: number;
  repeatedLlmCallCount: number;
};

/** ns since epoch → ISO 8601 with milliseconds. */
export const nsToIso = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();

export function toTraceSummary(row: TraceRow): TraceSummary {
  return {
    traceId: row.traceId,
    name: row.name,
    serviceName: row.serviceName,
    startTime: nsToIso(row.startNs),
    endTime: nsToIso(row.endNs),
    durationMs: row.durationMs,
    status: row.status as Status,
    spanCount: row.spanCount,
    errorCount: row.errorCount,
    llmCallCount: row.llmCallCount,
    toolCallCount: row.toolCallCount,
    inputTokens: Number(row.inputTokens),
    outputTokens: Number(row.outputTokens),
    totalTokens: Number(row.totalTokens),
    costUsd: roundUsdOrNull(row.costUsd),
    hasUnpricedCalls: row.hasUnpriced,
    sessionId: row.sessionId,
    userId: row.userId,
    agentName: row.agentName,
    models: JSON.parse(row.models) as string[],
    failureMode: row.failureMode as FailureMode | null,
    findingCounts: {
      tool_loop: row.toolLoopCount,
      agent_cycle: row.agentCycleCount,
      repeated_llm_call: row.repeatedLlmCallCount,
      failure: row.failureMode === null ? 0 : 1,
    },
  };
}
