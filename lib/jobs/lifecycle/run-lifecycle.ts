import "server-only";
// One round of the data lifecycle job: the pending user deletions, then each project's retention
// purge and finished alert notifications, then (SQLite) the free pages handed back to the file system.
// Every step works in short transactions and pauses between them for at least as long as the last one
// took, so the purge never holds more than half of the database's write time while ingest goes on.
//
// Deletions are claimed row by row (lib/data/lifecycle/deletion-requests.ts), so any server works on
// them, at once when one is requested. The retention work runs once per cluster: only the holder of
// the job lease LIFECYCLE_LEASE does it, asking before every batch (which renews the lease, and stops
// the work when the lease went to another server or this one is stopping).
import { getProject, listProjectScopesForJobs, scopeOfRecord } from "@/lib/data/access/projects";
import { deleteTracesOfUser } from "@/lib/data/lifecycle/delete-traces";
import { claimDeletion, finishDeletion, listClaimableDeletions, recordDeletionProgress } from "@/lib/data/lifecycle/deletion-requests";
import { deleteFinishedNotifications } from "@/lib/data/alerts/alert-outbox";
import { purgeExpiredBatch, releaseFreePages } from "@/lib/data/lifecycle/purge-expired";
import type { ProjectScope } from "@/lib/data/scope";
import { getEnv } from "@/lib/env";

/** Traces deleted per transaction of a user deletion (each also reads their spans to correct the rollups). */
const DELETION_BATCH_TRACES = 50;
const VACUUM_PAGES_PER_STEP = 2048;
/** Finished alert notifications deleted per statement. */
const OUTBOX_BATCH_ROWS = 500;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const LIFECYCLE_LEASE = "lifecycle.retention";

/** Whether this server (still) does the cluster's retention work; asked before every batch. */
export type LeaseCheck = () => Promise<boolean>;
const always: LeaseCheck = () => Promise.resolve(true);

/** Runs `step` repeatedly until it says stop, resting between steps for as long as each took. */
async function paced(step: () => Promise<boolean>): Promise<void> {
  for (;;) {
    const started = performance.now();
    if (!(await step())) return;
    const rest = Math.max(2, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

/** Works one deletion request to the end if this server can claim it; its trace count as it ends. */
export async function runDeletion(scope: ProjectScope, id: string): Promise<void> {
  const request = await claimDeletion(scope, id);
  if (!request) return;
  try {
    await paced(async () => {
      const deleted = await deleteTracesOfUser(scope, request.userId, DELETION_BATCH_TRACES);
      if (deleted > 0) await recordDeletionProgress(scope, id, deleted);
      return deleted > 0;
    });
    await finishDeletion(scope, id);
  } catch (error) {
    // Left claimed: the claim lapses and the request is taken up again (a database outage passes).
    console.error(`[hindsight] deletion ${id} interrupted: ${(error as Error).message}`);
  }
}

/** Purges the project's expired traces; the number purged. */
export async function purgeProject(
  scope: ProjectScope,
  retentionDays: number,
  nowMs = Date.now(),
  batchSpans = getEnv().HINDSIGHT_PURGE_BATCH_SPANS,
  holdsLease: LeaseCheck = always,
): Promise<number> {
  const cutoffNs = BigInt(nowMs - retentionDays * DAY_MS) * 1_000_000n;
  let purged = 0;
  await paced(async () => {
    if (!(await holdsLease())) return false;
    const batch = await purgeExpiredBatch(scope, cutoffNs, batchSpans);
    purged += batch.traces;
    return !batch.done && !batch.busy;
  });
  return purged;
}

/** Deletes the project's delivered and given-up alert notifications older than `keepHours`; the number deleted. */
export async function purgeFinishedNotifications(scope: ProjectScope, keepHours: number, holdsLease: LeaseCheck = always): Promise<number> {
  let deleted = 0;
  await paced(async () => {
    if (!(await holdsLease())) return false;
    const rows = await deleteFinishedNotifications(scope, keepHours * HOUR_MS, OUTBOX_BATCH_ROWS);
    deleted += rows;
    return rows === OUTBOX_BATCH_ROWS;
  });
  return deleted;
}

export type LifecycleRound = { deletions: number; leading: boolean; purged: number; notifications: number; vacuumed: boolean };

/** One round over every project; the retention work only while `holdsLease` says so. */
export async function runLifecycleRound(holdsLease: LeaseCheck, nowMs = Date.now()): Promise<LifecycleRound> {
  const deletions = await listClaimableDeletions(nowMs);
  for (const request of deletions) await runDeletion(scopeOfRecord(request), request.id);
  if (!(await holdsLease())) return { deletions: deletions.length, leading: false, purged: 0, notifications: 0, vacuumed: false };
  const keepHours = getEnv().HINDSIGHT_OUTBOX_KEEP_HOURS;
  let purged = 0;
  let notifications = 0;
  for (const scope of await listProjectScopesForJobs()) {
    const { retentionDays } = await getProject(scope);
    if (retentionDays !== null) purged += await purgeProject(scope, retentionDays, nowMs, undefined, holdsLease);
    notifications += await purgeFinishedNotifications(scope, keepHours, holdsLease);
  }
  const vacuumed = purged + notifications > 0 ? await releaseFreePages(VACUUM_PAGES_PER_STEP, () => new Promise((r) => setTimeout(r, 5))) : false;
  return { deletions: deletions.length, leading: true, purged, notifications, vacuumed };
}
