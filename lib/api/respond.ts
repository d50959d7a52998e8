// JSON answers of the read API, and its authentication.
import { findProjectForKey, readApiKey } from "@/lib/auth/api-keys";
import { getSql } from "@/lib/runtime";

export const jsonError = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ error: { status, message, ...extra } }, { status });

/** Null when the request carries a valid key, else the 401 to return. */
export async function requireApiKey(request: Request): Promise<Response | null> {
  const key = readApiKey(request.headers);
  if (key && (await findProjectForKey(getSql(), key))) return null;
  return jsonError(401, key ? "unknown API key" : "missing API key: send Authorization: Bearer <key> or x-api-key");
}
