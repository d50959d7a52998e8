// Users for tests that act as a viewer, a member or an admin: written straight into the test server's
// database with the start script's own seeding (lib/data/access/bootstrap.ts), then signed in over HTTP.
import type { Role } from "@/lib/access/permissions";
import { ensureUser } from "@/lib/data/access/bootstrap";
import { openPostgres } from "@/lib/db/postgres";
import type { Sql } from "@/lib/db/sql";
import { openSqlite } from "@/lib/db/sqlite";
import { signIn } from "./sign-in";

type Target = { baseUrl: string; databaseUrl: string };

export async function withDatabase<T>(databaseUrl: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = databaseUrl.startsWith("file:") ? openSqlite(databaseUrl.slice("file:".length), "NORMAL") : openPostgres(databaseUrl, 1);
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}

/** The id of the project with `slug`. */
export async function projectIdOf(server: Target, slug: string): Promise<string> {
  return withDatabase(server.databaseUrl, async (sql) => {
    const [row] = await sql.query<{ id: string }>(`SELECT "id" FROM "projects" WHERE "slug" = ?`, [slug]);
    if (!row) throw new Error(`no project ${slug}`);
    return String(row.id);
  });
}

/** Creates (once) a user with `role` in the project `slug` and returns their session's Cookie header. */
export async function userSession(server: Target, email: string, role: Role, slug = "default", password = "a test password 123"): Promise<string> {
  const projectId = await projectIdOf(server, slug);
  await withDatabase(server.databaseUrl, (sql) => ensureUser(sql, { email, password, isAdmin: false, memberships: [{ projectId, role }] }));
  return signIn(server.baseUrl, email, password);
}
