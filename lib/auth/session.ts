import "server-only";
// The signed-in user of a request, from Better Auth's session cookie (looked up in the database every
// time: a session ended on any server ends everywhere at once).
import { getAuth } from "./better-auth";
import type { SessionUser } from "./caller";

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  // No cookie, no lookup: the API's key-authenticated traffic never reaches the session table.
  if (!headers.get("cookie")?.includes("hindsight.session_token")) return null;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, email, name, isAdmin } = session.user as { id: string; email: string; name: string; isAdmin?: boolean | null };
  return { id, email, name, isAdmin: Boolean(isAdmin) };
}
