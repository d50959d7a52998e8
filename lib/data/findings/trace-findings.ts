import "server-only";
// Reads of stored findings: one trace's, for the trace detail.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import type { Finding } from "@/lib/retro";
import { toFinding } from "./store-findings";

/** The trace's findings in their order (by the start of their first span); empty when none or not analysed yet. */
export async function listTraceFindings(scope: ProjectScope, traceId: string): Promise<Finding[]> {
  const rows = await getSql().query(
    `SELECT "type", "failureMode", "toolName", "agents", "spanIds", "count", "wastedMs", "wastedCostUsd", "message"
     FROM "trace_findings" WHERE "projectId" = ? AND "traceId" = ? ORDER BY "ordinal"`,
    [scope.projectId, traceId.toLowerCase()],
  );
  return rows.map(toFinding);
}
