import "server-only";
// Review queues: the seeded draw of runs from a trace-list filter (lib/quality/review-sample.ts), stored
// with its items in one transaction, and the progress of the reviews.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import { buildTraceWhere } from "@/lib/data/traces/traces";
import type { ProjectScope } from "@/lib/data/scope";
import { SeededSample } from "@/lib/quality/review-sample";
import type { ReviewItem, ReviewItemState, ReviewQueue } from "@/lib/quality/review-types";
import type { TraceFilters } from "@/lib/trace/types";

/** Candidates are read in pages of trace ids: the draw keeps only the sample in memory. */
const CANDIDATE_PAGE = 5000;

type QueueRow = {
  id: string;
  name: string;
  filter: string;
  sampleSize: number;
  scoreName: string;
  labels: string | null;
  rangeMin: number | null;
  rangeMax: number | null;
  seed: string;
  total: number;
  createdMs: bigint;
  createdBy: string | null;
};
type ItemRow = {
  id: string;
  position: number;
  traceId: string;
  state: string;
  label: string | null;
  value: number | null;
  failureMode: string | null;
  comment: string | null;
  scoreId: string | null;
  reviewer: string | null;
  reviewedMs: bigint | null;
};

export const toReviewItem = (row: ItemRow): ReviewItem => ({
  id: row.id,
  position: row.position,
  traceId: row.traceId,
  state: row.state as ReviewItemState,
  label: row.label,
  value: row.value,
  failureMode: row.failureMode,
  comment: row.comment,
  scoreId: row.scoreId,
  reviewer: row.reviewer,
  reviewedAt: row.reviewedMs === null ? null : new Date(Number(row.reviewedMs)).toISOString(),
});

type Progress = { done: number; skipped: number; byLabel: Record<string, number>; meanValue: number | null };

function toQueue(row: QueueRow, progress: Progress): ReviewQueue {
  return {
    id: row.id,
    name: row.name,
    filter: JSON.parse(row.filter) as Record<string, string>,
    sampleSize: row.sampleSize,
    scoreName: row.scoreName,
    labels: row.labels === null ? null : (JSON.parse(row.labels) as string[]),
    range: row.rangeMin !== null && row.rangeMax !== null ? [row.rangeMin, row.rangeMax] : null,
    seed: row.seed,
    total: row.total,
    ...progress,
    createdAt: new Date(Number(row.createdMs)).toISOString(),
    createdBy: row.createdBy,
  };
}

/** The draw: the `size` runs matching `filters` with the smallest keys under `seed`, in review order. */
export async function drawReviewSample(scope: ProjectScope, filters: TraceFilters, seed: string, size: number): Promise<string[]> {
  const sample = new SeededSample(seed, size);
  const where = buildTraceWhere(scope, filters);
  for (let after: string | undefined; ; ) {
    const page = await getPrisma().trace.findMany({
      where: after ? { AND: [where, { traceId: { gt: after } }] } : where,
      select: { traceId: true },
      orderBy: { traceId: "asc" },
      take: CANDIDATE_PAGE,
    });
    for (const { traceId } of page) sample.add(traceId);
    if (page.length < CANDIDATE_PAGE) return sample.result();
    after = page.at(-1)!.traceId;
  }
}

export type NewReviewQueue = {
  name: string;
  filter: Record<string, string>;
  filters: TraceFilters;
  sampleSize: number;
  scoreName: string;
  labels: string[] | null;
  range: [number, number] | null;
  seed: string;
  createdBy: string | null;
};

/** Draws the runs and stores the queue with one pending item per run. */
export async function createReviewQueue(scope: ProjectScope, input: NewReviewQueue): Promise<ReviewQueue> {
  const traceIds = await drawReviewSample(scope, input.filters, input.seed, input.sampleSize);
  const id = randomUUID();
  const row: QueueRow & { projectId: string } = {
    projectId: scope.projectId,
    id,
    name: input.name,
    filter: JSON.stringify(input.filter),
    sampleSize: input.sampleSize,
    scoreName: input.scoreName,
    labels: input.labels ? JSON.stringify(input.labels) : null,
    rangeMin: input.range?.[0] ?? null,
    rangeMax: input.range?.[1] ?? null,
    seed: input.seed,
    total: traceIds.length,
    createdMs: BigInt(Date.now()),
    createdBy: input.createdBy,
  };
  await getPrisma().$transaction([
    getPrisma().reviewQueue.create({ data: row }),
    getPrisma().reviewItem.createMany({
      data: traceIds.map((traceId, position) => ({ projectId: scope.projectId, queueId: id, id: randomUUID(), position, traceId, state: "pending" })),
    }),
  ]);
  return toQueue(row, { done: 0, skipped: 0, byLabel: {}, meanValue: null });
}

async function progressOf(scope: ProjectScope, queueIds: string[]): Promise<Map<string, Progress>> {
  const groups = await getPrisma().reviewItem.groupBy({
    by: ["queueId", "state", "label"],
    where: { projectId: scope.projectId, queueId: { in: queueIds }, state: { not: "pending" } },
    _count: { _all: true },
    _sum: { value: true },
  });
  const progress = new Map<string, Progress & { valueSum: number; valueCount: number }>();
  for (const queueId of queueIds) progress.set(queueId, { done: 0, skipped: 0, byLabel: {}, meanValue: null, valueSum: 0, valueCount: 0 });
  for (const group of groups) {
    const p = progress.get(group.queueId)!;
    const count = group._count._all;
    if (group.state === "skipped") p.skipped += count;
    else {
      p.done += count;
      if (group.label !== null) p.byLabel[group.label] = (p.byLabel[group.label] ?? 0) + count;
      else if (group._sum.value !== null) {
        p.valueSum += group._sum.value;
        p.valueCount += count;
      }
    }
  }
  return new Map(
    [...progress].map(([queueId, { valueSum, valueCount, ...p }]) => [queueId, { ...p, meanValue: valueCount > 0 ? valueSum / valueCount : null }]),
  );
}

/** The project's queues, newest first, with their progress. */
export async function listReviewQueues(scope: ProjectScope): Promise<ReviewQueue[]> {
  const rows = await getPrisma().reviewQueue.findMany({ where: { projectId: scope.projectId }, orderBy: [{ createdMs: "desc" }, { id: "asc" }] });
  const progress = await progressOf(
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toQueue(row, progress.get(row.id)!));
}

export async function getReviewQueue(scope: ProjectScope, id: string): Promise<ReviewQueue | null> {
  const row = await getPrisma().reviewQueue.findUnique({ where: { projectId_id: { projectId: scope.projectId, id } } });
  if (!row) return null;
  return toQueue(row, (await progressOf(scope, [id])).get(id)!);
}

/** Every item of a queue in review order. */
export async function listReviewItems(scope: ProjectScope, queueId: string): Promise<ReviewItem[]> {
  const rows = await getPrisma().reviewItem.findMany({ where: { projectId: scope.projectId, queueId }, orderBy: { position: "asc" } });
  return rows.map(toReviewItem);
}

export async function getReviewItem(scope: ProjectScope, queueId: string, itemId: string): Promise<ReviewItem | null> {
  const row = await getPrisma().reviewItem.findUnique({ where: { projectId_queueId_id: { projectId: scope.projectId, queueId, id: itemId } } });
  return row ? toReviewItem(row) : null;
}

/** The first run still waiting for a review, or null when every run is reviewed or skipped. */
export async function nextReviewItem(scope: ProjectScope, queueId: string): Promise<ReviewItem | null> {
  const row = await getPrisma().reviewItem.findFirst({ where: { projectId: scope.projectId, queueId, state: "pending" }, orderBy: { position: "asc" } });
  return row ? toReviewItem(row) : null;
}
