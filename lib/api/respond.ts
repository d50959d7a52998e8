// JSON answers of the API: errors are `{ "error": "<what was wrong>" }`, with `parameter` naming the bad
// query parameter or body field where there is one.

export const jsonError = (status: number, message: string, extra: { parameter?: string; [key: string]: unknown } = {}, headers?: HeadersInit) =>
  Response.json({ error: message, ...extra }, { status, headers });

/** A 400 naming the parameter. */
export const badParameter = (parameter: string, message: string) => jsonError(400, `${parameter}: ${message}`, { parameter });

export const MAX_JSON_BODY_BYTES = 65_536;

/** Parses a JSON request body (at most 64 KiB), or gives the 4xx to return. */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) return { ok: false, response: jsonError(413, "body must be at most 64 KiB") };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, "body must be valid JSON") };
  }
}

/** The request's query parameters without `project` (which names the session caller's project, not a filter). */
export function queryParams(request: Request): URLSearchParams {
  const params = new URLSearchParams(new URL(request.url).search);
  params.delete("project");
  return params;
}
