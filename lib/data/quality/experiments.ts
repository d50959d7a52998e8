import "server-only";
// Experiments: registered by the SDK's runExperiment over a dataset, with the trace of each item's run.
// Their figures (cost, duration, output, scores) are read from the traces when they are compared, so a
// trace that arrives late, or a score an evaluator adds later, shows up without rewriting the experiment.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { ExperimentRunsInput } from "@/lib/quality/experiment-schema";
import type { Experiment, ExperimentRun, RunScoreInput } from "@/lib/quality/experiment-types";

type ExperimentRow = { id: string; name: string; datasetId: string; metadata: string | null; createdMs: bigint };

async function withCounts(scope: ProjectScope, rows: ExperimentRow[]): Promise<Experiment[]> {
  if (rows.length === 0) return [];
  const groups = await getPrisma().experimentRun.groupBy({
    by: ["experimentId"],
    where: { projectId: scope.projectId, experimentId: { in: rows.map((r) => r.id) } },
    _count: { _all: true, error: true },
  });
  const counts = new Map(groups.map((g) => [g.experimentId, g._count]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    datasetId: row.datasetId,
    metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, unknown>),
    createdAt: new Date(Number(row.createdMs)).toISOString(),
    runCount: counts.get(row.id)?._all ?? 0,
    errorCount: counts.get(row.id)?.error ?? 0,
  }));
}

/** The project's experiments (of one dataset, when given), newest first. */
export async function listExperiments(scope: ProjectScope, datasetId?: string): Promise<Experiment[]> {
  const rows = await getPrisma().experiment.findMany({
    where: { projectId: scope.projectId, ...(datasetId ? { datasetId } : {}) },
    orderBy: [{ createdMs: "desc" }, { id: "asc" }],
  });
  return withCounts(scope, rows);
}

export async function getExperiment(scope: ProjectScope, id: string): Promise<Experiment | null> {
  const row = await getPrisma().experiment.findUnique({ where: { projectId_id: { projectId: scope.projectId, id } } });
  return row ? ((await withCounts(scope, [row]))[0] ?? null) : null;
}

/** Registers an experiment over a dataset the caller has checked exists. */
export async function createExperiment(
  scope: ProjectScope,
  input: { name: string; datasetId: string; metadata?: Record<string, unknown> },
): Promise<Experiment> {
  const row = await getPrisma().experiment.create({
    data: {
      projectId: scope.projectId,
      id: randomUUID(),
      name: input.name,
      datasetId: input.datasetId,
      metadata: input.metadata ? JSON.stringify(input.metadata) : null,
      createdMs: BigInt(Date.now()),
    },
  });
  return (await withCounts(scope, [row]))[0]!;
}

const runFields = (run: ExperimentRunsInput[number]) => ({
  traceId: run.traceId,
  error: run.error ?? null,
  scores: run.scores
    ? JSON.stringify(run.scores.map((s) => ({ name: s.name, value: s.value ?? null, label: s.label ?? null, comment: s.comment ?? null })))
    : null,
});

/** Records (or replaces) the run of each item, in one transaction. */
export async function recordExperimentRuns(scope: ProjectScope, experimentId: string, runs: ExperimentRunsInput): Promise<void> {
  const prisma = getPrisma();
  await prisma.$transaction(
    runs.map((run) =>
      prisma.experimentRun.upsert({
        where: { projectId_experimentId_itemId: { projectId: scope.projectId, experimentId, itemId: run.itemId } },
        create: { projectId: scope.projectId, experimentId, itemId: run.itemId, ...runFields(run) },
        update: runFields(run),
      }),
    ),
  );
}

export async function listExperimentRuns(scope: ProjectScope, experimentId: string): Promise<ExperimentRun[]> {
  const rows = await getPrisma().experimentRun.findMany({ where: { projectId: scope.projectId, experimentId }, orderBy: { itemId: "asc" } });
  return rows.map((r) => ({ itemId: r.itemId, traceId: r.traceId, error: r.error, scores: r.scores === null ? [] : (JSON.parse(r.scores) as RunScoreInput[]) }));
}
