// Trace list filters on scores: `score.<name>.min`, `score.<name>.max` and `score.<name>.label` keep the
// traces with a score of that name in the range or with that label (one score must satisfy every
// condition given for its name). Names may contain dots: the suffix after the last one says which bound.
// Pure; shared by the JSON API and the trace list page.

export type ScoreFilter = { name: string; min?: number; max?: number; label?: string };

const KEY = /^score\.(.+)\.(min|max|label)$/;
const MAX_NAME = 200;
const MAX_FILTERS = 10;

/** Whether a query parameter is a score filter (possibly malformed). */
export const isScoreFilterKey = (key: string) => key.startsWith("score.");

type Result = { ok: true; filters: ScoreFilter[] } | { ok: false; parameter: string; message: string };

/** The score filters among `params` (other keys are ignored); every error names its parameter. */
export function parseScoreFilters(params: Iterable<[string, string]>, options: { ignoreEmpty?: boolean } = {}): Result {
  const byName = new Map<string, ScoreFilter>();
  for (const [key, raw] of params) {
    if (!isScoreFilterKey(key)) continue;
    const match = KEY.exec(key);
    if (!match) return { ok: false, parameter: key, message: "score filters are score.<name>.min, score.<name>.max or score.<name>.label" };
    const [, name, bound] = match as unknown as [string, string, "min" | "max" | "label"];
    if (name.length > MAX_NAME) return { ok: false, parameter: key, message: `the score name must be at most ${MAX_NAME} characters` };
    const value = raw.trim();
    if (value === "") {
      if (options.ignoreEmpty) continue;
      return { ok: false, parameter: key, message: "must not be empty" };
    }
    const filter = byName.get(name) ?? { name };
    if (bound === "label") {
      if (value.length > MAX_NAME || value.includes("\u0000")) return { ok: false, parameter: key, message: `must be at most ${MAX_NAME} characters` };
      filter.label = value;
    } else {
      const n = Number(value);
      if (!Number.isFinite(n)) return { ok: false, parameter: key, message: "must be a finite number" };
      filter[bound] = n;
    }
    byName.set(name, filter);
    if (byName.size > MAX_FILTERS) return { ok: false, parameter: key, message: `at most ${MAX_FILTERS} scores can be filtered on at once` };
  }
  for (const filter of byName.values()) {
    if (filter.min !== undefined && filter.max !== undefined && filter.min > filter.max)
      return { ok: false, parameter: `score.${filter.name}.max`, message: `must not be less than score.${filter.name}.min` };
  }
  return { ok: true, filters: [...byName.values()] };
}

/** The filters as query parameters again (for links that keep them). */
export function scoreFilterParams(filters: readonly ScoreFilter[]): [string, string][] {
  const out: [string, string][] = [];
  for (const f of filters) {
    if (f.min !== undefined) out.push([`score.${f.name}.min`, String(f.min)]);
    if (f.max !== undefined) out.push([`score.${f.name}.max`, String(f.max)]);
    if (f.label !== undefined) out.push([`score.${f.name}.label`, f.label]);
  }
  return out;
}

/**
 * The URL changes of the trace list's score filter form: every score filter present is removed, then
 * the one the form gives (a name with a min, max or label) is set. Values are the form's text.
 */
export function scoreFilterChanges(
  presentKeys: Iterable<string>,
  form: { name: string; min: string; max: string; label: string },
): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const key of presentKeys) if (isScoreFilterKey(key)) changes[key] = null;
  const name = form.name.trim();
  if (!name) return changes;
  for (const bound of ["min", "max", "label"] as const) {
    const value = form[bound].trim();
    if (value) changes[`score.${name}.${bound}`] = value;
  }
  return changes;
}

/** The first score filter of the URL's parameters, for the form's initial values (malformed ones are skipped). */
export function firstScoreFilter(params: Iterable<[string, string]>): { name: string; min: string; max: string; label: string } {
  const parsed = parseScoreFilters(
    [...params].filter(([key]) => KEY.test(key)),
    { ignoreEmpty: true },
  );
  const first = parsed.ok ? parsed.filters[0] : undefined;
  return { name: first?.name ?? "", min: first?.min?.toString() ?? "", max: first?.max?.toString() ?? "", label: first?.label ?? "" };
}
