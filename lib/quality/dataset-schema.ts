// Datasets and their items as the API takes them, and the JSONL format they are imported from and
// exported as (one item per line). Pure; the OpenAPI document reads these schemas too.
import { z } from "zod";

const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });
const text = (max: number) => z.string(expected("must be a string")).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const traceId = z
  .string({ message: "must be a string" })
  .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
  .transform((v) => v.toLowerCase());
const spanId = z
  .string({ message: "must be a string" })
  .regex(/^[0-9a-fA-F]{16}$/, "must be 16 hexadecimal characters")
  .transform((v) => v.toLowerCase());
/** Any JSON value (null included). Objects from JSON have nothing else in them. */
const json = z.unknown();
const metadata = z.record(z.string(), z.unknown(), { message: "must be a JSON object" });

export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
export const MAX_IMPORT_LINES = 10_000;
/** How many line errors an import answer lists (the count says how many there were). */
export const MAX_REPORTED_LINE_ERRORS = 20;

export const datasetCreateSchema = z
  .strictObject({ name: text(200), description: z.string({ message: "must be a string" }).trim().max(2000, "must be at most 2000 characters").optional() })
  .meta({ id: "DatasetCreate", description: "`name` is unique in the project." });

export const datasetItemCreateSchema = z
  .strictObject({
    traceId: traceId.optional(),
    spanId: spanId.optional(),
    input: json.optional(),
    expectedOutput: json.optional(),
    metadata: metadata.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.spanId !== undefined && value.traceId === undefined) ctx.addIssue({ code: "custom", path: ["traceId"], message: "is required with spanId" });
    if (value.traceId === undefined && (value.input === undefined || value.input === null)) {
      ctx.addIssue({ code: "custom", path: ["input"], message: "is required when no traceId is given" });
    }
  })
  .meta({
    id: "DatasetItemCreate",
    description:
      "From a run: `traceId` (its root span) or `traceId` + `spanId`; the span's input becomes `input` and its output `expectedOutput` unless given. By hand: `input` (any JSON value), optionally `expectedOutput` and `metadata`.",
  });
export type DatasetItemCreate = z.infer<typeof datasetItemCreateSchema>;

export const datasetItemPatchSchema = z
  .strictObject({ input: json.optional(), expectedOutput: json.optional(), metadata: metadata.nullable().optional() })
  .refine((v) => v.input !== undefined || v.expectedOutput !== undefined || v.metadata !== undefined, {
    path: ["body"],
    message: "must change input, expectedOutput or metadata",
  })
  .refine((v) => v.input !== null, { path: ["input"], message: "must not be null" })
  .meta({ id: "DatasetItemChange", description: "Any of `input`, `expectedOutput` (null clears it) and `metadata` (null clears it)." });
export type DatasetItemPatch = z.infer<typeof datasetItemPatchSchema>;

export const DATASET_ITEM_FORMATS = ["json", "jsonl"] as const;
export const DATASET_ITEMS_PARAMS = {
  format: z.enum(DATASET_ITEM_FORMATS, { message: "must be json or jsonl" }),
} as const;

/** A line of a JSONL import; an exported line imports as it is (its id and times are not kept). */
const importLineSchema = z.strictObject({
  input: z.unknown().refine((v) => v !== undefined && v !== null, "is required"),
  expectedOutput: json.optional(),
  metadata: metadata.nullable().optional(),
  sourceTraceId: traceId.nullable().optional(),
  sourceSpanId: spanId.nullable().optional(),
  id: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
});

export type NewDatasetItem = {
  input: unknown;
  expectedOutput: unknown;
  metadata: Record<string, unknown> | null;
  sourceTraceId: string | null;
  sourceSpanId: string | null;
};

export type LineError = { line: number; message: string };
export type ParsedImport = { ok: true; items: NewDatasetItem[] } | { ok: false; errors: LineError[]; errorCount: number; message: string };

function lineError(line: number, error: z.ZodError): LineError {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    return {
      line,
      message: `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}; allowed: input, expectedOutput, metadata, sourceTraceId, sourceSpanId`,
    };
  }
  const field = issue.path.join(".");
  return { line, message: field ? `${field}: ${issue.message}` : issue.message };
}

/**
 * Parses a JSONL import: one JSON object per line, blank lines ignored. Every line is checked, so the
 * answer names each bad line (the first MAX_REPORTED_LINE_ERRORS of them); any error refuses the whole file.
 */
export function parseDatasetJsonl(text: string): ParsedImport {
  const items: NewDatasetItem[] = [];
  const errors: LineError[] = [];
  let errorCount = 0;
  const fail = (error: LineError) => {
    errorCount++;
    if (errors.length < MAX_REPORTED_LINE_ERRORS) errors.push(error);
  };
  const lines = text.split(/\r?\n/);
  let nonBlank = 0;
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === "") continue;
    if (++nonBlank > MAX_IMPORT_LINES) {
      fail({ line, message: `more than ${MAX_IMPORT_LINES} items: split the file` });
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail({ line, message: `not valid JSON (${error instanceof Error ? error.message : "parse error"})` });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      fail({ line, message: "must be a JSON object with an input" });
      continue;
    }
    const parsed = importLineSchema.safeParse(value);
    if (!parsed.success) {
      fail(lineError(line, parsed.error));
      continue;
    }
    const item = parsed.data;
    items.push({
      input: item.input,
      expectedOutput: item.expectedOutput ?? null,
      metadata: item.metadata ?? null,
      sourceTraceId: item.sourceTraceId ?? null,
      sourceSpanId: item.sourceSpanId ?? null,
    });
  }
  if (errorCount > 0) {
    const first = errors[0]!;
    const message = `${errorCount} ${errorCount === 1 ? "line is" : "lines are"} invalid, nothing was imported; line ${first.line}: ${first.message}`;
    return { ok: false, errors, errorCount, message };
  }
  if (items.length === 0) return { ok: false, errors: [], errorCount: 0, message: "the file holds no items (one JSON object per line)" };
  return { ok: true, items };
}

/** One exported item as a line of JSONL (the shape the import reads back). */
export function toJsonlLine(item: { id: string } & NewDatasetItem & { createdAt: string }): string {
  return JSON.stringify({
    id: item.id,
    input: item.input,
    expectedOutput: item.expectedOutput,
    metadata: item.metadata,
    sourceTraceId: item.sourceTraceId,
    sourceSpanId: item.sourceSpanId,
    createdAt: item.createdAt,
  });
}
