import "server-only";
// API keys of a project: created with scopes and an optional expiry, shown once, listed by prefix,
// revoked. lib/auth looks keys up by hash (findApiKey) and caches the answer briefly.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import { formatScopes, parseStoredScopes, type KeyScope } from "@/lib/access/permissions";
import type { ProjectScope } from "@/lib/data/scope";
import { generateApiKey, hashApiKey, keyPrefix } from "./api-key-format";

export { hashApiKey };

export type ApiKeyInfo = {
  id: string;
  name: string;
  prefix: string;
  scopes: KeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};

/** A key as authentication sees it. */
export type StoredApiKey = ApiKeyInfo & { projectId: string; revokedAt: string | null };

type KeyRow = {
  id: string;
  projectId: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toStored(row: KeyRow): StoredApiKey {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    prefix: row.prefix,
    scopes: parseStoredScopes(row.scopes),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}

const toInfo = ({ projectId: _p, revokedAt: _r, ...info }: StoredApiKey): ApiKeyInfo => info;

/** Creates a key; the returned `key` is the only time it exists in clear. */
export async function createApiKey(
  scope: ProjectScope,
  input: { name: string; scopes: readonly KeyScope[]; expiresAt: Date | null; createdById: string | null },
): Promise<{ key: string; info: ApiKeyInfo }> {
  const key = generateApiKey();
  const row = await getPrisma().apiKey.create({
    data: {
      id: randomUUID(),
      projectId: scope.projectId,
      name: input.name,
      keyHash: hashApiKey(key),
      prefix: keyPrefix(key),
      scopes: formatScopes(input.scopes),
      expiresAt: input.expiresAt,
      createdById: input.createdById,
    },
  });
  return { key, info: toInfo(toStored(row)) };
}

/** The project's keys that are not revoked, newest first. */
export async function listApiKeys(scope: ProjectScope): Promise<ApiKeyInfo[]> {
  const rows = await getPrisma().apiKey.findMany({ where: { projectId: scope.projectId, revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map((row) => toInfo(toStored(row)));
}

/** Revokes a key of the project (kept for the audit trail); null when the project has no such live key. */
export async function revokeApiKey(scope: ProjectScope, id: string, nowMs = Date.now()): Promise<ApiKeyInfo | null> {
  const prisma = getPrisma();
  const changed = await prisma.apiKey.updateMany({ where: { id, projectId: scope.projectId, revokedAt: null }, data: { revokedAt: new Date(nowMs) } });
  if (changed.count === 0) return null;
  return toInfo(toStored(await prisma.apiKey.findUniqueOrThrow({ where: { id } })));
}

/** The key whose sha256 is `keyHash` (hashApiKey), whatever its state: lib/auth decides whether it still works. */
export async function findApiKeyByHash(keyHash: string): Promise<StoredApiKey | null> {
  const row = await getPrisma().apiKey.findUnique({ where: { keyHash } });
  return row ? toStored(row) : null;
}

/** Notes when keys were last used: one UPDATE per key, skipped where a later time is stored already. */
export async function recordKeysUsed(lastUse: ReadonlyMap<string, number>): Promise<void> {
  const prisma = getPrisma();
  for (const [id, ms] of lastUse) {
    const at = new Date(ms);
    await prisma.apiKey.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] }, data: { lastUsedAt: at } });
  }
}
