// URL-addressable state: every view is a link. Helpers to derive one link from the current search params.

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** First value of a search parameter (Next gives arrays for repeated keys). */
export function firstParam(params: SearchParamsRecord, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Converts Next's searchParams record into URLSearchParams (first value of each key, empty ones dropped). */
export function toUrlSearchParams(params: SearchParamsRecord): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = firstParam(params, key);
    if (value !== undefined && value !== "") out.set(key, value);
  }
  return out;
}

/**
 * `pathname?query` with `changes` applied to `current`: a string sets, null or "" deletes.
 * Keys listed in `keep` (when given) are the only ones carried over from `current`.
 */
export function buildHref(
  pathname: string,
  current: URLSearchParams | SearchParamsRecord,
  changes: Record<string, string | null | undefined> = {},
  keep?: readonly string[],
): string {
  const base = current instanceof URLSearchParams ? new URLSearchParams(current) : toUrlSearchParams(current);
  const next = new URLSearchParams();
  for (const [key, value] of base) if (!keep || keep.includes(key)) next.set(key, value);
  for (const [key, value] of Object.entries(changes)) {
    if (value == null || value === "") next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}
