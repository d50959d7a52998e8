import "server-only";
// Requests to delete every trace of one end user (POST /api/v1/deletions). The request is stored first
// and answered 202; the work is done in batches by whichever server claims it (lib/jobs/lifecycle), so
// a request survives a restart, and with several servers on one PostgreSQL only one works on it: a
// claim is a conditional UPDATE, renewed after every batch, and one left unrenewed for CLAIM_LEASE_MS
// (its server stopped) may be taken by another.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";

export const CLAIM_LEASE_MS = 60_000;

export type DeletionStatus = "pending" | "running" | "done" | "failed";
export type DeletionRequest = { id: string; userId: string; status: DeletionStatus; traces: number; createdAt: string; finishedAt: string | null };

type Stored = { id: string; projectId: string; userId: string; status: string; traces: number; createdMs: bigint; finishedMs: bigint | null };
const toRequest = (row: Stored): DeletionRequest => ({
  id: row.id,
  userId: row.userId,
  status: row.status as DeletionStatus,
  traces: row.traces,
  createdAt: new Date(Number(row.createdMs)).toISOString(),
  finishedAt: row.finishedMs === null ? null : new Date(Number(row.finishedMs)).toISOString(),
});

export async function createDeletionRequest(scope: ProjectScope, userId: string, nowMs = Date.now()): Promise<DeletionRequest> {
  const row = await getPrisma().deletionRequest.create({
    data: { id: randomUUID(), projectId: scope.projectId, userId, status: "pending", createdMs: BigInt(nowMs) },
  });
  return toRequest(row);
}

/** The request, if it belongs to the project. */
export async function findDeletionRequest(scope: ProjectScope, id: string): Promise<DeletionRequest | null> {
  const row = await getPrisma().deletionRequest.findFirst({ where: { id, projectId: scope.projectId } });
  return row ? toRequest(row) : null;
}

/** Requests some server should work on: pending ones, and running ones whose claim lapsed (any project: for the job). */
export async function listClaimableDeletions(nowMs = Date.now()): Promise<{ id: string; projectId: string }[]> {
  return getPrisma().deletionRequest.findMany({
    where: { OR: [{ status: "pending" }, { status: "running", claimedMs: { lt: BigInt(nowMs - CLAIM_LEASE_MS) } }] },
    select: { id: true, projectId: true },
    orderBy: { createdMs: "asc" },
  });
}

/** Claims the request for this server; false when another holds a live claim or it is finished. */
export async function claimDeletion(scope: ProjectScope, id: string, nowMs = Date.now()): Promise<DeletionRequest | null> {
  const { count } = await getPrisma().deletionRequest.updateMany({
    where: { id, projectId: scope.projectId, OR: [{ status: "pending" }, { status: "running", claimedMs: { lt: BigInt(nowMs - CLAIM_LEASE_MS) } }] },
    data: { status: "running", claimedMs: BigInt(nowMs) },
  });
  return count === 1 ? findDeletionRequest(scope, id) : null;
}

/** Counts a batch and renews the claim. */
export async function recordDeletionProgress(scope: ProjectScope, id: string, traces: number, nowMs = Date.now()): Promise<void> {
  await getPrisma().deletionRequest.updateMany({
    where: { id, projectId: scope.projectId, status: "running" },
    data: { traces: { increment: traces }, claimedMs: BigInt(nowMs) },
  });
}

export async function finishDeletion(scope: ProjectScope, id: string, outcome: { error?: string } = {}, nowMs = Date.now()): Promise<void> {
  await getPrisma().deletionRequest.updateMany({
    where: { id, projectId: scope.projectId },
    data: { status: outcome.error ? "failed" : "done", error: outcome.error ?? null, finishedMs: BigInt(nowMs) },
  });
}
