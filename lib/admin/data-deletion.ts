import "server-only";
// Deleting data on request (project admins): one trace at once, or every trace of one end user in the
// background. Each is written to the audit log.
import { audit } from "@/lib/auth/audit";
import type { Caller } from "@/lib/auth/caller";
import { deleteTrace } from "@/lib/data/lifecycle/delete-traces";
import { createDeletionRequest, type DeletionRequest } from "@/lib/data/lifecycle/deletion-requests";
import { runLifecycleSoon } from "@/lib/jobs/lifecycle/scheduler";

/** Deletes the trace with everything attached and its rollup contribution; false when the project holds no such trace. */
export async function deleteTraceOfProject(caller: Caller, traceId: string, headers?: Headers): Promise<boolean> {
  const deleted = await deleteTrace(caller.scope, traceId);
  if (deleted) await audit(caller, "trace.delete", traceId, {}, headers);
  return deleted;
}

/** Records the request and starts working on it at once; GET /api/v1/deletions/{id} follows it. */
export async function requestUserDeletion(caller: Caller, userId: string, headers?: Headers): Promise<DeletionRequest> {
  const request = await createDeletionRequest(caller.scope, userId);
  await audit(caller, "deletion.request", request.id, { userId }, headers);
  runLifecycleSoon();
  return request;
}
