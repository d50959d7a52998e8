// Review queues as the API takes them: a queue drawn from a trace-list filter, and one review of one run
// (a label from the queue's set or a value in its range, an optional failure-mode tag and comment, or a
// skip). Validated with zod; every error names the field. Pure (the OpenAPI document reads these too).
import { z } from "zod";
import { TRACE_LIST_PARAMS, parseTraceFilters, type TraceQuery } from "@/lib/trace/trace-params";

/** Keys 1–9 pick a label, so a queue offers at most nine. */
export const MAX_REVIEW_LABELS = 9;
export const MAX_SAMPLE_SIZE = 1000;

const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });
const text = (max: number) => z.string(expected("must be a string")).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const finite = z.number({ message: "must be a number" }).finite("must be a finite number");

/** Trace-list parameters that choose traces (not how a page of them is cut). */
const NOT_FILTERS = new Set(["limit", "cursor", "sort", "order"]);
export const REVIEW_FILTER_KEYS = Object.keys(TRACE_LIST_PARAMS).filter((key) => !NOT_FILTERS.has(key));

export const reviewQueueCreateSchema = z
  .strictObject({
    name: text(200),
    filter: z
      .record(z.string(), z.union([z.string(), z.number()], { message: "each filter value must be a string or a number" }), {
        message: 'must be an object of trace-list filters, e.g. {"name": "refund-flow", "status": "error"}',
      })
      .default({}),
    sampleSize: z
      .number(expected("must be a number"))
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MAX_SAMPLE_SIZE, `must be at most ${MAX_SAMPLE_SIZE}`),
    scoreName: text(100),
    labels: z
      .array(text(50), { message: "must be a list of strings" })
      .min(2, "must offer at least 2 labels")
      .max(MAX_REVIEW_LABELS, `must offer at most ${MAX_REVIEW_LABELS} labels (keys 1–9 pick them)`)
      .refine((labels) => new Set(labels).size === labels.length, "must not repeat a label")
      .optional(),
    range: z
      .tuple([finite, finite], { message: "must be [min, max]" })
      .refine(([min, max]) => min < max, "min must be less than max")
      // JSON Schema 2020-12 tuples name their length too.
      .meta({ minItems: 2, maxItems: 2 })
      .optional(),
    seed: z.union([text(100), z.number().int().transform(String)], { message: "must be a string or a whole number" }).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.labels === undefined) === (value.range === undefined)) {
      ctx.addIssue({ code: "custom", path: ["labels"], message: "give either labels (a list to choose from) or range ([min, max]), not both" });
    }
  })
  .meta({
    id: "ReviewQueueCreate",
    description: "`filter` takes the trace list's filters as an object; either `labels` or `range`. `seed` makes the draw reproducible (random when omitted).",
  });
export type ReviewQueueCreate = z.infer<typeof reviewQueueCreateSchema>;

export type ParsedReviewFilter = { ok: true; query: TraceQuery; filter: Record<string, string> } | { ok: false; parameter: string; message: string };

/** The filter object as trace-list filters; errors name `filter.<key>`. */
export function parseReviewFilter(filter: Record<string, string | number>): ParsedReviewFilter {
  const params = new URLSearchParams();
  const kept: Record<string, string> = {};
  for (const [key, raw] of Object.entries(filter)) {
    if (NOT_FILTERS.has(key))
      return { ok: false, parameter: `filter.${key}`, message: `filter.${key}: not a filter; allowed: ${REVIEW_FILTER_KEYS.join(", ")}` };
    params.set(key, String(raw));
    kept[key] = String(raw);
  }
  const parsed = parseTraceFilters(params);
  if (!parsed.ok) return { ok: false, parameter: `filter.${parsed.parameter}`, message: `filter.${parsed.parameter}: ${parsed.message}` };
  const { ok: _ok, ...query } = parsed;
  return { ok: true, query, filter: kept };
}

export const reviewSubmitSchema = z
  .strictObject({
    label: text(50).optional(),
    value: finite.optional(),
    failureMode: text(100).optional(),
    comment: z.string({ message: "must be a string" }).trim().max(2000, "must be at most 2000 characters").optional(),
    skip: z.boolean({ message: "must be true or false" }).optional(),
  })
  .meta({
    id: "ReviewSubmit",
    description: "A label from the queue's `labels` or a value in its `range` (with an optional `failureMode` tag and `comment`), or `skip: true`.",
  });
export type ReviewSubmit = z.infer<typeof reviewSubmitSchema>;

/** What a queue accepts as a review: its labels, or its range. */
export type ReviewScale = { labels: string[] | null; range: [number, number] | null };

export type ReviewDecision =
  { kind: "skip"; comment: string | null } | { kind: "score"; label: string | null; value: number | null; failureMode: string | null; comment: string | null };

/** A submitted review checked against the queue's scale: the error names the field. */
export function decideReview(body: ReviewSubmit, scale: ReviewScale): { ok: true; decision: ReviewDecision } | { ok: false; field: string; message: string } {
  const comment = body.comment ? body.comment : null;
  if (body.skip) {
    const extra = (["label", "value", "failureMode"] as const).find((field) => body[field] !== undefined);
    if (extra) return { ok: false, field: extra, message: `${extra}: a skipped run takes no ${extra}` };
    return { ok: true, decision: { kind: "skip", comment } };
  }
  const failureMode = body.failureMode ?? null;
  if (scale.labels) {
    if (body.value !== undefined) return { ok: false, field: "value", message: `value: this queue takes a label (${scale.labels.join(", ")}), not a value` };
    if (body.label === undefined) return { ok: false, field: "label", message: `label: is required (one of ${scale.labels.join(", ")}), or skip: true` };
    if (!scale.labels.includes(body.label)) return { ok: false, field: "label", message: `label: must be one of ${scale.labels.join(", ")}` };
    return { ok: true, decision: { kind: "score", label: body.label, value: null, failureMode, comment } };
  }
  const [min, max] = scale.range!;
  if (body.label !== undefined) return { ok: false, field: "label", message: `label: this queue takes a value in [${min}, ${max}], not a label` };
  if (body.value === undefined) return { ok: false, field: "value", message: `value: is required (a number in [${min}, ${max}]), or skip: true` };
  if (body.value < min || body.value > max) return { ok: false, field: "value", message: `value: must be between ${min} and ${max}` };
  return { ok: true, decision: { kind: "score", label: null, value: body.value, failureMode, comment } };
}
