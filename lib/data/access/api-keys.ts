// API keys: stored as sha256 hashes, never in clear. One default project for now; keys belong to it.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Sql } from "@/lib/db/sql";

export const DEFAULT_PROJECT_ID = "default";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new key: `hs_` + 32 url-safe random characters (192 bits). */
export const generateApiKey = () => `hs_${randomBytes(24).toString("base64url")}`;

const nowIso = () => new Date().toISOString();

async function ensureDefaultProject(sql: Sql, name: string): Promise<void> {
  // createdAt is written by the column default, in each database's own DateTime format.
  await sql.run(`INSERT INTO "projects" ("id", "name") VALUES (?, ?) ON CONFLICT ("id") DO NOTHING`, [DEFAULT_PROJECT_ID, name]);
}

/** Registers a key for the default project; a no-op when it exists already. Returns true if added. */
export async function registerApiKey(sql: Sql, key: string, name: string, projectName = "Default project"): Promise<boolean> {
  await ensureDefaultProject(sql, projectName);
  const changed = await sql.run(
    `INSERT INTO "api_keys" ("id", "projectId", "name", "keyHash", "prefix") VALUES (?, ?, ?, ?, ?) ON CONFLICT ("keyHash") DO NOTHING`,
    [randomUUID(), DEFAULT_PROJECT_ID, name, hashApiKey(key), key.slice(0, 7)],
  );
  return changed > 0;
}

export type InitialKey = { created: false } | { created: true; key: string; source: "env" | "generated" };

/**
 * Start-up key handling (api.md): HINDSIGHT_INIT_API_KEY is registered idempotently; without it, the
 * first start on an empty database creates a key, which the caller prints once.
 */
export async function ensureInitialApiKey(sql: Sql, initKey: string | undefined, projectName?: string): Promise<InitialKey> {
  if (initKey) {
    const added = await registerApiKey(sql, initKey, `HINDSIGHT_INIT_API_KEY (${nowIso().slice(0, 10)})`, projectName);
    return added ? { created: true, key: initKey, source: "env" } : { created: false };
  }
  const [{ count }] = (await sql.query<{ count: unknown }>(`SELECT COUNT(*) AS "count" FROM "api_keys"`)) as [{ count: unknown }];
  if (Number(count) > 0) return { created: false };
  const key = generateApiKey();
  await registerApiKey(sql, key, "first start", projectName);
  return { created: true, key, source: "generated" };
}

type CacheEntry = { projectId: string | null; expires: number };
const cache = new Map<string, CacheEntry>();

/** The project a key belongs to, or null. Cached briefly: every OTLP request is authenticated. */
export async function findProjectForKey(sql: Sql, key: string): Promise<string | null> {
  const hash = hashApiKey(key);
  const hit = cache.get(hash);
  if (hit && hit.expires > Date.now()) return hit.projectId;
  const rows = await sql.query<{ projectId: string }>(`SELECT "projectId" FROM "api_keys" WHERE "keyHash" = ?`, [hash]);
  const projectId = rows[0]?.projectId ?? null;
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { projectId, expires: Date.now() + (projectId ? 60_000 : 2_000) });
  return projectId;
}

/** Reads the key from `Authorization: Bearer`, `x-api-key`, or HTTP Basic (password) when allowed. */
export function readApiKey(headers: Headers, allowBasic = false): string | null {
  const authorization = headers.get("authorization")?.trim() ?? "";
  const bearer = /^bearer\s+(.+)$/i.exec(authorization);
  if (bearer) return bearer[1]!.trim();
  const headerKey = headers.get("x-api-key")?.trim();
  if (headerKey) return headerKey;
  const basic = /^basic\s+(.+)$/i.exec(authorization);
  if (basic && allowBasic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) || null : null;
  }
  return null;
}
