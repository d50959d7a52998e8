// Text diff of a changed prompt, tool arguments or output, with the `diff` package, as plain parts the UI
// renders as text (span content is untrusted: never as HTML). JSON values are shown pretty-printed with
// sorted keys, and JSON text inside them unpacked, so the diff shows what changed rather than key order.
// Multi-line texts diff by line, short single-line ones by word. A diff too costly to compute (very long,
// very different texts) becomes the whole of `before` deleted and the whole of `after` inserted.
import { diffLines, diffWords, type Change } from "diff";
import { canonicalText } from "@/lib/retro/canonical";

export type TextDiffPart = { op: "equal" | "insert" | "delete"; text: string };
export type TextDiff = {
  granularity: "line" | "word";
  parts: TextDiffPart[];
  /** True when the texts were too long or too different to diff finely and are shown as one replacement. */
  isWholeReplacement: boolean;
};
export type TextDiffOptions = { granularity?: "line" | "word" | "auto" };

const WORD_DIFF_MAX_CHARS = 2000;
const MAX_EDIT_LENGTH = 1000;
const MAX_CHARS = 500_000;

/** The diff of two values (texts, or JSON shown as text). */
export function textDiff(before: unknown, after: unknown, options: TextDiffOptions = {}): TextDiff {
  const a = displayText(before);
  const b = displayText(after);
  const isShort = !a.includes("\n") && !b.includes("\n") && a.length + b.length <= WORD_DIFF_MAX_CHARS;
  const granularity = options.granularity === "line" || options.granularity === "word" ? options.granularity : isShort ? "word" : "line";
  if (a === b) return { granularity, parts: a === "" ? [] : [{ op: "equal", text: a }], isWholeReplacement: false };
  const changes: Change[] | undefined =
    a.length + b.length > MAX_CHARS
      ? undefined
      : granularity === "word"
        ? diffWords(a, b, { maxEditLength: MAX_EDIT_LENGTH })
        : diffLines(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    const parts: TextDiffPart[] = [];
    if (a !== "") parts.push({ op: "delete", text: a });
    if (b !== "") parts.push({ op: "insert", text: b });
    return { granularity, parts, isWholeReplacement: true };
  }
  return { granularity, parts: changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value })), isWholeReplacement: false };
}

/** How a value is shown in a diff: text as it is, anything else as pretty-printed canonical JSON. */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const canonical = JSON.parse(canonicalText(value)) as unknown;
  return typeof canonical === "string" ? (typeof value === "string" ? value : canonical) : JSON.stringify(canonical, null, 2);
}
