import "server-only";
// Writes a caller's action to its project's audit log.
import { recordAuditEvent } from "@/lib/data/access/audit-log";
import type { Caller } from "./caller";
import { clientAddress } from "./client-address";

export async function audit(caller: Caller, action: string, target: string | null, details: Record<string, unknown> = {}, headers?: Headers): Promise<void> {
  await recordAuditEvent(caller.scope, { actor: caller.actor, action, target, details, ip: headers ? clientAddress(headers) : null });
}
