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
