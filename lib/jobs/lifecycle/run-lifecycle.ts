import "server-only";
// One round of the data lifecycle job: the pending user deletions, then each project's retention
// purge, then (SQLite) the free pages handed back to the file system. Every step works in short
// transactions and pauses between them for at least as long as the last one took, so the purge never
// holds more than half of the database's write time while ingest goes on.
import { getProject, listProjectScopesForJobs, scopeOfRecord } from "@/lib/data/access/projects";
import { deleteTracesOfUser } from "@/lib/data/lifecycle/delete-traces";
import { claimDeletion, finishDeletion, listClaimableDeletions, recordDeletionProgress } from "@/lib/data/lifecycle/deletion-requests";
import { purgeExpiredBatch, releaseFreePages } from "@/lib/data/lifecycle/purge-expired";
import type { ProjectScope } from "@/lib/data/scope";
import { getEnv } from "@/lib/env";

/** Traces deleted per transaction of a user deletion (each also reads their spans to correct the rollups). */
const DELETION_BATCH_TRACES = 50;
const VACUUM_PAGES_PER_STEP = 2048;
const DAY_MS = 86_400_000;

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
): Promise<number> {
  const cutoffNs = BigInt(nowMs - retentionDays * DAY_MS) * 1_000_000n;
  let purged = 0;
  await paced(async () => {
    const batch = await purgeExpiredBatch(scope, cutoffNs, batchSpans);
    purged += batch.traces;
    return !batch.done && !batch.busy;
  });
  return purged;
}

export type LifecycleRound = { deletions: number; purged: number; vacuumed: boolean };

/** One round over every project. */
export async function runLifecycleRound(nowMs = Date.now()): Promise<LifecycleRound> {
  const deletions = await listClaimableDeletions(nowMs);
  for (const request of deletions) await runDeletion(scopeOfRecord(request), request.id);
  let purged = 0;
  for (const scope of await listProjectScopesForJobs()) {
    const { retentionDays } = await getProject(scope);
    if (retentionDays !== null) purged += await purgeProject(scope, retentionDays, nowMs);
  }
  const vacuumed = purged > 0 ? await releaseFreePages(VACUUM_PAGES_PER_STEP, () => new Promise((r) => setTimeout(r, 5))) : false;
  return { deletions: deletions.length, purged, vacuumed };
}
