// What `npm start` makes sure of before the server answers (scripts/lib/prepare-database.ts): the
// default project, the first API key, the headless first admin and the session-signing secret. Raw SQL
// through the start script's own connection, idempotent, safe when several servers start at once.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/access/permissions";
import type { Sql } from "@/lib/db/sql";
import { DEFAULT_PROJECT_ID } from "@/lib/data/scope";
import { generateApiKey, hashApiKey, keyPrefix } from "./api-key-format";

const ALL_SCOPES = "ingest read write admin";
export const AUTH_SECRET_KEY = "auth.secret";

/** The project "default" (slug "default"), which existing data and HINDSIGHT_INIT_API_KEY belong to. */
export async function ensureDefaultProject(sql: Sql, name: string): Promise<void> {
  // createdAt is written by the column default, in each database's own DateTime format.
  await sql.run(`INSERT INTO "projects" ("id", "slug", "name") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [DEFAULT_PROJECT_ID, DEFAULT_PROJECT_ID, name]);
}

/** Registers a key with every scope in the default project; false when it exists already. */
export async function registerApiKey(sql: Sql, key: string, name: string): Promise<boolean> {
  const changed = await sql.run(
    `INSERT INTO "api_keys" ("id", "projectId", "name", "keyHash", "prefix", "scopes") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ("keyHash") DO NOTHING`,
    [randomUUID(), DEFAULT_PROJECT_ID, name, hashApiKey(key), keyPrefix(key), ALL_SCOPES],
  );
  return changed > 0;
}

export type InitialKey = { created: false } | { created: true; key: string; source: "env" | "generated" };

/**
 * HINDSIGHT_INIT_API_KEY is registered idempotently; without it, the first start on an empty database
 * creates a key, which the caller prints once.
 */
export async function ensureInitialApiKey(sql: Sql, initKey: string | undefined): Promise<InitialKey> {
  if (initKey) {
    const added = await registerApiKey(sql, initKey, `HINDSIGHT_INIT_API_KEY (${new Date().toISOString().slice(0, 10)})`);
    return added ? { created: true, key: initKey, source: "env" } : { created: false };
  }
  const [{ count }] = (await sql.query<{ count: unknown }>(`SELECT COUNT(*) AS "count" FROM "api_keys"`)) as [{ count: unknown }];
  if (Number(count) > 0) return { created: false };
  const key = generateApiKey();
  await registerApiKey(sql, key, "first start");
  return { created: true, key, source: "generated" };
}

/**
 * HINDSIGHT_ADMIN_EMAIL + HINDSIGHT_ADMIN_PASSWORD: creates that instance admin (admin of the default
 * project) when no user has that email. An existing user, and their password, are left alone.
 */
export async function ensureHeadlessAdmin(sql: Sql, email: string, password: string): Promise<boolean> {
  return (await ensureUser(sql, { email, password, isAdmin: true, memberships: [{ projectId: DEFAULT_PROJECT_ID, role: "admin" }] })).created;
}

export type UserSeed = { email: string; password: string; name?: string; isAdmin: boolean; memberships: { projectId: string; role: Role }[] };

/**
 * A user who signs in with `password`, member of the given projects, unless one with that email exists
 * (then nothing changes). Hashes with Better Auth's own hasher, so its sign-in verifies the password.
 */
export async function ensureUser(sql: Sql, seed: UserSeed): Promise<{ created: boolean; userId: string }> {
  const address = seed.email.trim().toLowerCase();
  const hash = await hashPassword(seed.password);
  return sql.transaction(async (tx) => {
    const [existing] = await tx.query<{ id: string }>(`SELECT "id" FROM "users" WHERE "email" = ?`, [address]);
    if (existing) return { created: false, userId: String(existing.id) };
    const id = randomUUID();
    await tx.run(`INSERT INTO "users" ("id", "name", "email", "emailVerified", "isAdmin", "updatedAt") VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`, [
      id,
      seed.name ?? address.split("@")[0] ?? address,
      address,
      true,
      seed.isAdmin,
    ]);
    await tx.run(
      `INSERT INTO "accounts" ("id", "accountId", "providerId", "userId", "password", "updatedAt") VALUES (?, ?, 'credential', ?, ?, CURRENT_TIMESTAMP)`,
      [randomUUID(), id, id, hash],
    );
    for (const { projectId, role } of seed.memberships) {
      await tx.run(`INSERT INTO "project_members" ("projectId", "userId", "role") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [projectId, id, role]);
    }
    return { created: true, userId: id };
  });
}

/** The secret that signs session cookies, shared by every server on the database; made once. */
export async function ensureAuthSecret(sql: Sql): Promise<void> {
  await sql.run(`INSERT INTO "instance_settings" ("key", "value") VALUES (?, ?) ON CONFLICT DO NOTHING`, [AUTH_SECRET_KEY, randomBytes(32).toString("base64url")]);
}

/** Whether anyone can sign in yet (else the dashboard sends visitors to /setup). */
export async function hasUsers(sql: Sql): Promise<boolean> {
  const [row] = await sql.query<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "users"`);
  return Number(row?.n ?? 0) > 0;
}
