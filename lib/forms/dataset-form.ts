// The dataset forms' text fields as JSON values: what parses as JSON is that value, anything else is kept
// as the text it is (a prompt typed by hand). Pure, without zod.

export function textToJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/** A JSON value shown for editing: strings as they are, anything else pretty-printed. */
export function jsonToText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}

/** What "Add to dataset" shows before it is saved: the run's input and actual output, editable. */
export type RunItemPreview = { ok: true; spanId: string; spanName: string; input: string; expectedOutput: string } | { ok: false; message: string };

export type ItemFieldResult = { ok: true; value: unknown } | { ok: false; message: string };

const LOOKS_LIKE_JSON = /^[[{"]/;

/**
 * An edited item field: `input` and `expectedOutput` take any JSON value, or plain text kept as a string,
 * but text that starts like JSON (an object, an array, a quoted string) must parse, so a broken edit is
 * refused with the parser's reason instead of being stored as a string; `metadata` must be a JSON object.
 * Empty text: null (clears expectedOutput and metadata; the caller refuses an empty input).
 */
export function parseItemField(text: string, field: "input" | "expectedOutput" | "metadata"): ItemFieldResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed) as unknown;
  } catch (error) {
    if (field !== "metadata" && !LOOKS_LIKE_JSON.test(trimmed)) return { ok: true, value: text };
    return { ok: false, message: `${field}: not valid JSON (${(error as Error).message})` };
  }
  if (field === "metadata" && (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))) {
    return { ok: false, message: "metadata: must be a JSON object" };
  }
  return { ok: true, value: parsed };
}
