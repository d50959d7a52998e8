// What POST /api/v1/scores takes and GET /api/v1/scores filters by, validated with zod so every error
// names its field or parameter. Pure: the routes and the OpenAPI document read the same schemas.
import { z } from "zod";
import { SCORE_SOURCES } from "./score-types";

export const MAX_SCORE_NAME = 200;
export const MAX_SCORE_LABEL = 200;
export const MAX_SCORE_COMMENT = 10_000;

/** "is required" for a missing field, else `what`. */
const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });
const text = (max: number) =>
  z
    .string(expected("must be a string"))
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");

export const scoreValueSchema = z.number({ message: "must be a number" }).finite("must be a finite number");

/** POST /api/v1/scores. `value` or `label` (or both) is required. */
export const scoreCreateSchema = z
  .strictObject({
    traceId: z.string(expected("must be a string")).regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters"),
    spanId: z
      .string({ message: "must be a string" })
      .regex(/^[0-9a-fA-F]{16}$/, "must be 16 hexadecimal characters")
      .nullish(),
    name: text(MAX_SCORE_NAME),
    value: scoreValueSchema.nullish(),
    label: text(MAX_SCORE_LABEL).nullish(),
    comment: z.string({ message: "must be a string" }).max(MAX_SCORE_COMMENT, `must be at most ${MAX_SCORE_COMMENT} characters`).nullish(),
  })
  .refine((body) => (body.value ?? null) !== null || (body.label ?? null) !== null, { message: "value or label is required", path: ["value"] });
export type ScoreCreate = z.infer<typeof scoreCreateSchema>;

/** The field and message of a refused score body: an unknown field is named itself, so `source` is refused as `source`. */
export function scoreBodyIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const field = issue.keys[0] ?? "body";
    return { field, message: `${field}: is not a score field; allowed: traceId, spanId, name, value, label, comment` };
  }
  const field = issue?.path.join(".") || "body";
  return { field, message: `${field}: ${issue?.message ?? "is invalid"}` };
}

const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time, e.g. 2026-11-21T10:00:00Z")
  .transform((v) => Date.parse(v));

const CURSOR = /^(\d{1,16})_([0-9A-Za-z-]{1,64})$/;

/** Each parameter of GET /api/v1/scores (all optional). `from`/`to` select by `createdAt`. */
export const SCORE_LIST_PARAMS = {
  traceId: z.string().regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters"),
  name: text(MAX_SCORE_NAME),
  source: z.enum(SCORE_SOURCES, { message: `must be one of ${SCORE_SOURCES.join(", ")}` }),
  from: isoDate,
  to: isoDate,
  cursor: z.string().regex(CURSOR, "must be a nextCursor value from a previous page"),
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500"),
} as const;

export type ScoreListQuery = {
  traceId?: string;
  name?: string;
  source?: (typeof SCORE_SOURCES)[number];
  fromMs?: number;
  toMs?: number;
  /** Continue after this score (newest first: createdMs, then id, descending). */
  after?: { createdMs: number; id: string };
  limit: number;
};

export type ParsedScoreList = ({ ok: true } & ScoreListQuery) | { ok: false; parameter: string; message: string };

export const DEFAULT_SCORE_PAGE = 100;

export const encodeScoreCursor = (createdMs: number, id: string) => `${createdMs}_${id}`;

/** Validates GET /api/v1/scores; unknown parameters are errors (a typo must not return everything). */
export function parseScoreListParams(params: URLSearchParams): ParsedScoreList {
  const values: Record<string, unknown> = {};
  for (const [key, raw] of params) {
    const schema = SCORE_LIST_PARAMS[key as keyof typeof SCORE_LIST_PARAMS];
    if (!schema) return { ok: false, parameter: key, message: `unknown parameter; allowed: ${Object.keys(SCORE_LIST_PARAMS).join(", ")}` };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
    values[key] = parsed.data;
  }
  const { traceId, name, source, from, to, cursor, limit } = values as {
    traceId?: string;
    name?: string;
    source?: ScoreListQuery["source"];
    from?: number;
    to?: number;
    cursor?: string;
    limit?: number;
  };
  if (from !== undefined && to !== undefined && from > to) return { ok: false, parameter: "to", message: "must not be earlier than from" };
  const match = cursor ? CURSOR.exec(cursor) : null;
  return {
    ok: true,
    traceId: traceId?.toLowerCase(),
    name,
    source,
    fromMs: from,
    toMs: to,
    after: match ? { createdMs: Number(match[1]), id: match[2]! } : undefined,
    limit: limit ?? DEFAULT_SCORE_PAGE,
  };
}
