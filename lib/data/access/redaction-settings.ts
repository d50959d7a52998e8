import "server-only";
// A project's redaction settings (what ingest replaces before storing), cached briefly per process:
// every OTLP request needs them. A change through this process applies at once; other server
// processes pick it up within SETTINGS_TTL_MS.
import { getPrisma } from "@/lib/db/prisma";
import { EMPTY_REDACTION, parseRedactionConfig, type RedactionConfig } from "@/lib/redaction";
import type { ProjectScope } from "@/lib/data/scope";

const SETTINGS_TTL_MS = 5_000;

type Cached = { config: Promise<RedactionConfig>; loadedMs: number };
const globalForRedaction = globalThis as unknown as { hindsightRedaction?: Map<string, Cached> };
const cache = () => (globalForRedaction.hindsightRedaction ??= new Map<string, Cached>());

async function load(scope: ProjectScope): Promise<RedactionConfig> {
  const row = await getPrisma().project.findUnique({ where: { id: scope.projectId }, select: { redaction: true } });
  // Stored settings were validated when saved; parse again rather than trust the column.
  return row?.redaction ? parseRedactionConfig(JSON.parse(row.redaction)) : EMPTY_REDACTION;
}

export function getRedactionConfig(scope: ProjectScope): Promise<RedactionConfig> {
  const now = Date.now();
  const hit = cache().get(scope.projectId);
  if (hit && now - hit.loadedMs < SETTINGS_TTL_MS) return hit.config;
  const config = load(scope).catch((error: unknown) => {
    cache().delete(scope.projectId);
    throw error;
  });
  cache().set(scope.projectId, { config, loadedMs: now });
  return config;
}

/** Stores validated settings (an empty configuration turns redaction off). */
export async function setRedactionConfig(scope: ProjectScope, config: RedactionConfig): Promise<void> {
  const isOff = config.detectors.length === 0 && config.patterns.length === 0;
  await getPrisma().project.update({ where: { id: scope.projectId }, data: { redaction: isOff ? null : JSON.stringify(config) } });
  cache().delete(scope.projectId);
}
