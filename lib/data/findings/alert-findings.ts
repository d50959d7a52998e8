import "server-only";
// What the findings rollups hold for an alert rule's range (loop_rate, wasted_cost_per_hour): the runs
// with a tool loop and the cost findings wasted, for all traces or one task, agent or user, read from
// the coarsest rows that cover the range (lib/alerts/window.ts), like the rule's run counts.
import { getSql } from "@/lib/db/connections";
import type { ProjectScope } from "@/lib/data/scope";
import { ANY_FINDING, FINDING_DIMENSIONS, type FindingDimension } from "@/lib/analytics/finding-rollups";
import type { FindingTotals } from "@/lib/alerts/evaluate";
import type { AlertScope } from "@/lib/alerts/rule-schema";
import { planSegments, type TimeRange } from "@/lib/alerts/window";

const SCOPE_DIMENSION = { all: "all", task: "task", agent: "agent", user: "user" } as const satisfies Record<AlertScope, FindingDimension>;

export async function readFindingTotals(scope: ProjectScope, rule: { scope: AlertScope; scopeValue: string | null }, range: TimeRange): Promise<FindingTotals> {
  const dimension = SCOPE_DIMENSION[rule.scope];
  const plan = planSegments(range, FINDING_DIMENSIONS[dimension]);
  if (plan.segments.length === 0) return { loopRuns: 0, wastedCostUsd: 0 };
  const segments = plan.segments.map(() => `("granularity" = ? AND "bucketStartMs" >= ? AND "bucketStartMs" < ?)`).join(" OR ");
  const rows = await getSql().query<{ findingType: string; traces: unknown; wasted: unknown }>(
    `SELECT "findingType", SUM("traces") AS "traces", SUM("wastedCostUsd") AS "wasted" FROM "finding_rollups"
     WHERE "projectId" = ? AND "dimension" = ? AND "groupKey" = ? AND "findingType" IN ('tool_loop', '${ANY_FINDING}') AND (${segments})
     GROUP BY "findingType"`,
    [scope.projectId, dimension, rule.scope === "all" ? "" : (rule.scopeValue ?? ""), ...plan.segments.flatMap((s) => [s.granularity, s.fromMs, s.toMs])],
  );
  const of = (type: string) => rows.find((row) => row.findingType === type);
  return { loopRuns: Number(of("tool_loop")?.traces ?? 0), wastedCostUsd: Number(of(ANY_FINDING)?.wasted ?? 0) };
}
