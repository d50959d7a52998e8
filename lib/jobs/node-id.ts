import "server-only";
// This process's identity as a holder of job leases and notification claims: HINDSIGHT_NODE_ID (or the
// host name and process id) to tell servers apart in the database and logs, plus a random suffix per
// process, so two processes never share an identity, even when configured with the same name or
// restarted in a container that reuses its pid. On globalThis: one identity however many bundles load it.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getEnv } from "@/lib/env";

const globalForNode = globalThis as unknown as { hindsightNodeId?: string };

export function nodeId(): string {
  globalForNode.hindsightNodeId ??= `${getEnv().HINDSIGHT_NODE_ID ?? `${hostname()}:${process.pid}`}#${randomBytes(3).toString("hex")}`;
  return globalForNode.hindsightNodeId;
}
