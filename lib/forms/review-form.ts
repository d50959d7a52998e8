// The "New review queue" form as the JSON body the API takes: the filter typed as a trace-list query
// string (what the trace list's URL shows, e.g. `name=refund&status=error`), labels comma-separated. Pure,
// without zod (the checks of the body itself are the API's).

type FormBody = { ok: true; value: Record<string, unknown> } | { ok: false; field: string; message: string };

export function queueFormBody(values: Record<string, string>): FormBody {
  const filter: Record<string, string> = {};
  const query = (values.filter ?? "").trim().replace(/^.*\?/, "");
  for (const [key, value] of new URLSearchParams(query)) if (key !== "project") filter[key] = value;
  const sampleSize = Number(values.sampleSize);
  if (!Number.isInteger(sampleSize)) return { ok: false, field: "sampleSize", message: "sampleSize: must be a whole number" };
  const labels = (values.labels ?? "")
    .split(",")
    .map((label) => label.trim())
    .filter(Boolean);
  const seed = (values.seed ?? "").trim();
  return {
    ok: true,
    value: { name: values.name ?? "", filter, sampleSize, scoreName: values.scoreName ?? "", labels, ...(seed ? { seed } : {}) },
  };
}

/** What reviewing one run from the review page answers. */
export type ReviewActionResult = { ok: true } | { ok: false; message: string };
