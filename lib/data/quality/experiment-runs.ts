import "server-only";
// The figures of experiment runs, read from their traces: status, cost and duration from the trace row,
// the task's output from its root span, and the scores the SDK's evaluators gave the run.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { parseMaybeJson } from "@/lib/ingest/attribute-lookup";
import { roundUsdOrNull } from "@/lib/pricing/round-usd";
import type { ExperimentRun, RunFigures, RunScore } from "@/lib/quality/experiment-types";
import { isPassing } from "@/lib/quality/score-types";
import type { Status } from "@/lib/trace/types";

/** A run's scores by name, sorted (the last one given wins when an evaluator scored a name twice). */
function runScores(run: ExperimentRun): RunScore[] {
  const byName = new Map<string, RunScore>();
  for (const s of run.scores) byName.set(s.name, { name: s.name, value: s.value, label: s.label, passed: isPassing(s.value, s.label) });
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Each run's figures, by item id. */
export async function loadRunFigures(scope: ProjectScope, runs: ExperimentRun[]): Promise<Map<string, RunFigures>> {
  const prisma = getPrisma();
  const traceIds = [...new Set(runs.map((r) => r.traceId))];
  const traces = await prisma.trace.findMany({
    where: { projectId: scope.projectId, traceId: { in: traceIds } },
    select: { traceId: true, status: true, costUsd: true, durationMs: true, rootSpanId: true },
  });
  const roots = traces.flatMap((t) => (t.rootSpanId ? [{ traceId: t.traceId, spanId: t.rootSpanId }] : []));
  const outputs = await prisma.span.findMany({ where: { projectId: scope.projectId, OR: roots }, select: { traceId: true, output: true } });
  const traceOf = new Map(traces.map((t) => [t.traceId, t]));
  const outputOf = new Map(outputs.map((s) => [s.traceId, s.output === null ? null : parseMaybeJson(s.output)]));
  return new Map(
    runs.map((run) => {
      const trace = traceOf.get(run.traceId);
      return [
        run.itemId,
        {
          traceId: run.traceId,
          status: trace ? (trace.status as Status) : null,
          error: run.error,
          costUsd: trace ? roundUsdOrNull(trace.costUsd) : null,
          durationMs: trace?.durationMs ?? null,
          output: outputOf.get(run.traceId) ?? null,
          scores: runScores(run),
        },
      ];
    }),
  );
}
