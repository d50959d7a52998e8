// The browser side of the collaboration API: same-origin fetches with the session cookie, in the page's
// project. Errors come back as the API's message, never as a thrown exception.

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string };

export function projectApiUrl(projectSlug: string, path: string): string {
  const separator = path.includes("?") ? "&" : "?";
  return `${path}${separator}project=${encodeURIComponent(projectSlug)}`;
}

export async function callApi<T>(projectSlug: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(projectApiUrl(projectSlug, path), {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
    if (response.status === 204) return { ok: true, data: undefined as T };
    const payload = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
    if (!response.ok) return { ok: false, error: payload?.error ?? `request failed (${response.status})` };
    return { ok: true, data: payload as T };
  } catch {
    return { ok: false, error: "network error: try again" };
  }
}
