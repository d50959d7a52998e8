import "server-only";
// Datasets and their items. Items keep their input, expected output and metadata as JSON text; their
// order is a position per dataset, assigned under the dataset row's lock (the UPDATE of its updatedMs
// comes first in each transaction), so concurrent adds on PostgreSQL queue instead of colliding.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { NewDatasetItem } from "@/lib/quality/dataset-schema";
import type { Dataset, DatasetItem } from "@/lib/quality/dataset-types";

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>["$transaction"]>[0]>[0];
type DatasetRow = { id: string; name: string; description: string | null; createdMs: bigint; updatedMs: bigint };
type ItemRow = {
  id: string;
  datasetId: string;
  input: string;
  expectedOutput: string | null;
  metadata: string | null;
  sourceTraceId: string | null;
  sourceSpanId: string | null;
  createdMs: bigint;
  updatedMs: bigint;
};

const iso = (ms: bigint) => new Date(Number(ms)).toISOString();
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
/** JSON text of a value, or null for null (so "no expected output" stays distinguishable from "null"). */
const jsonText = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const toDataset = (row: DatasetRow, itemCount: number): Dataset => ({
  id: row.id,
  name: row.name,
  description: row.description,
  itemCount,
  createdAt: iso(row.createdMs),
  updatedAt: iso(row.updatedMs),
});

export const toDatasetItem = (row: ItemRow): DatasetItem => ({
  id: row.id,
  datasetId: row.datasetId,
  input: parse(row.input),
  expectedOutput: parse(row.expectedOutput),
  metadata: parse(row.metadata) as Record<string, unknown> | null,
  sourceTraceId: row.sourceTraceId,
  sourceSpanId: row.sourceSpanId,
  createdAt: iso(row.createdMs),
  updatedAt: iso(row.updatedMs),
});

export class DatasetNameTakenError extends Error {}

/** The project's datasets, newest first, with their item counts. */
export async function listDatasets(scope: ProjectScope): Promise<Dataset[]> {
  const prisma = getPrisma();
  const [rows, counts] = await Promise.all([
    prisma.dataset.findMany({ where: { projectId: scope.projectId }, orderBy: [{ createdMs: "desc" }, { id: "asc" }] }),
    prisma.datasetItem.groupBy({ by: ["datasetId"], where: { projectId: scope.projectId }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.datasetId, c._count._all]));
  return rows.map((row) => toDataset(row, countOf.get(row.id) ?? 0));
}

export async function getDataset(scope: ProjectScope, id: string): Promise<Dataset | null> {
  const prisma = getPrisma();
  const row = await prisma.dataset.findUnique({ where: { projectId_id: { projectId: scope.projectId, id } } });
  if (!row) return null;
  return toDataset(row, await prisma.datasetItem.count({ where: { projectId: scope.projectId, datasetId: id } }));
}

/** Creates a dataset; throws DatasetNameTakenError when the project has one of that name. */
export async function createDataset(scope: ProjectScope, input: { name: string; description?: string }): Promise<Dataset> {
  const prisma = getPrisma();
  if (await prisma.dataset.findUnique({ where: { projectId_name: { projectId: scope.projectId, name: input.name } } })) {
    throw new DatasetNameTakenError(`name: a dataset named "${input.name}" exists already`);
  }
  const now = BigInt(Date.now());
  const row = await prisma.dataset.create({
    data: { projectId: scope.projectId, id: randomUUID(), name: input.name, description: input.description || null, createdMs: now, updatedMs: now },
  });
  return toDataset(row, 0);
}

/** Locks the dataset row for this transaction (PostgreSQL) and reads the next free position; null if it is gone. */
async function nextPosition(tx: Tx, scope: ProjectScope, datasetId: string, now: bigint): Promise<number | null> {
  const touched = await tx.dataset.updateMany({ where: { projectId: scope.projectId, id: datasetId }, data: { updatedMs: now } });
  if (touched.count === 0) return null;
  const last = await tx.datasetItem.aggregate({ where: { projectId: scope.projectId, datasetId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** Adds items in the given order, all or none; null when the project has no such dataset. */
export async function addDatasetItems(scope: ProjectScope, datasetId: string, items: NewDatasetItem[]): Promise<DatasetItem[] | null> {
  const now = BigInt(Date.now());
  return getPrisma().$transaction(async (tx) => {
    const first = await nextPosition(tx, scope, datasetId, now);
    if (first === null) return null;
    const rows = items.map((item, index) => ({
      projectId: scope.projectId,
      datasetId,
      id: randomUUID(),
      position: first + index,
      input: JSON.stringify(item.input),
      expectedOutput: jsonText(item.expectedOutput),
      metadata: jsonText(item.metadata),
      sourceTraceId: item.sourceTraceId,
      sourceSpanId: item.sourceSpanId,
      createdMs: now,
      updatedMs: now,
    }));
    await tx.datasetItem.createMany({ data: rows });
    return rows.map(toDatasetItem);
  });
}

/** Every item of a dataset in order (exports and experiments read them all). */
export async function listDatasetItems(scope: ProjectScope, datasetId: string): Promise<DatasetItem[]> {
  const rows = await getPrisma().datasetItem.findMany({ where: { projectId: scope.projectId, datasetId }, orderBy: { position: "asc" } });
  return rows.map(toDatasetItem);
}

export async function getDatasetItem(scope: ProjectScope, datasetId: string, itemId: string): Promise<DatasetItem | null> {
  const row = await getPrisma().datasetItem.findUnique({ where: { projectId_datasetId_id: { projectId: scope.projectId, datasetId, id: itemId } } });
  return row ? toDatasetItem(row) : null;
}

/** Changes an item's input, expected output or metadata (null clears the last two); null when it does not exist. */
export async function updateDatasetItem(
  scope: ProjectScope,
  datasetId: string,
  itemId: string,
  change: { input?: unknown; expectedOutput?: unknown; metadata?: Record<string, unknown> | null },
): Promise<DatasetItem | null> {
  const data: { input?: string; expectedOutput?: string | null; metadata?: string | null; updatedMs: bigint } = { updatedMs: BigInt(Date.now()) };
  if (change.input !== undefined) data.input = JSON.stringify(change.input);
  if (change.expectedOutput !== undefined) data.expectedOutput = jsonText(change.expectedOutput);
  if (change.metadata !== undefined) data.metadata = jsonText(change.metadata);
  const updated = await getPrisma().datasetItem.updateMany({ where: { projectId: scope.projectId, datasetId, id: itemId }, data });
  return updated.count > 0 ? getDatasetItem(scope, datasetId, itemId) : null;
}

export async function deleteDatasetItem(scope: ProjectScope, datasetId: string, itemId: string): Promise<boolean> {
  const deleted = await getPrisma().datasetItem.deleteMany({ where: { projectId: scope.projectId, datasetId, id: itemId } });
  return deleted.count > 0;
}
