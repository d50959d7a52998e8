import "server-only";
// Model changes, derived from the first sightings kept at ingest (model_variants, a few rows per task and
// requested model) by lib/analytics/model-changes.ts.
import { detectModelChanges, type ModelChange, type ModelVariantRow } from "@/lib/analytics/model-changes";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";

async function readVariants(scope: ProjectScope, task?: string): Promise<ModelVariantRow[]> {
  const rows = await getPrisma().modelVariant.findMany({ where: { projectId: scope.projectId, ...(task === undefined ? {} : { task }) } });
  return rows.map((r) => ({
    task: r.task,
    requestedModel: r.requestedModel,
    responseModel: r.responseModel,
    fingerprint: r.fingerprint,
    firstSeenMs: Number(r.firstSeenNs / 1_000_000n),
    firstTraceId: r.firstTraceId,
  }));
}

/** Changes in [fromMs, toMs), oldest first; `task` narrows to one task. */
export async function listModelChanges(scope: ProjectScope, range: { fromMs: number; toMs: number; task?: string }): Promise<ModelChange[]> {
  return detectModelChanges(await readVariants(scope, range.task), range.fromMs, range.toMs);
}
