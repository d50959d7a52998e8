// JSON answers of the read API, and its authentication.
import { findProjectForKey, readApiKey } from "@/lib/data/access/api-keys";
import { getSql } from "@/lib/db/connections";

export const jsonError = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ error: { status, message, ...extra } }, { status });

/** Null when the request carries a valid key, else the 401 to return. */
export async function requireApiKey(request: Request): Promise<Response | null> {
  const key = readApiKey(request.headers);
  if (key && (await findProjectForKey(getSql(), key))) return null;
  return jsonError(401, key ? "unknown API key" : "missing API key: send Authorization: Bearer <key> or x-api-key");
}

/** Parses a JSON request body (at most 64 KiB), or gives the 400 to return. */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.length > 65_536) return { ok: false, response: jsonError(413, "body must be at most 64 KiB") };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, "body must be valid JSON") };
  }
}
