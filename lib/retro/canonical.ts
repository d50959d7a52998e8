// One text per value such that two tool arguments or two chat inputs get the same text exactly when they
// mean the same JSON: object key order and whitespace between JSON tokens do not count, and JSON text
// equals the value it parses to (`"{\"id\": 1}"` = `{ id: 1 }`). Strings nested in a value that are
// themselves JSON objects or arrays are read as JSON too, because chat messages carry tool-call arguments as
// JSON text whose spacing differs between SDKs. Any other text is compared as it is.
//
// `canonicalHash` walks the same tokens into a hash without building the text, which is most of the cost on
// a large trace: equal canonical texts always hash equal, so grouping by hash and then comparing texts only
// within groups finds exactly the same groups. `sameContent` (same-content.ts) compares two values the same
// way without building either text.
//
// Span content is untrusted: the walk is safe against cycles and capped in depth, and never throws.

const MAX_DEPTH = 64;
export const CUT = "[…]"; // stands for a cycle or anything deeper than MAX_DEPTH

type Sink = { text(value: string): void; literal(value: string): void; punct(code: number): void };

/** The canonical text of `value` (see the header), or null for a value that was not captured (null/undefined). */
export function canonicalKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return canonicalText(value);
}

/** Canonical text of any value; null and undefined become `null`. */
export function canonicalText(value: unknown): string {
  const sink = new TextSink();
  walkTop(value, sink);
  return sink.out;
}

/**
 * A 53-bit hash of the canonical text, or null for a value that was not captured. Equal canonical texts
 * always hash equal; different ones may hash equal too, so compare texts within a group.
 */
export function canonicalHash(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const sink = new HashSink();
  walkTop(value, sink);
  return sink.digest();
}

function walkTop(value: unknown, sink: Sink): void {
  walk(typeof value === "string" ? parseJsonText(value, true) : value, 0, [], sink);
}

function walk(value: unknown, depth: number, open: object[], sink: Sink): void {
  switch (typeof value) {
    case "string": {
      const parsed = depth > 0 && mayBeJsonContainer(value) ? parseJsonText(value, false) : value;
      if (typeof parsed === "string") sink.text(parsed);
      else walk(parsed, depth, open, sink);
      return;
    }
    case "number":
      return sink.literal(Number.isFinite(value) ? String(value) : "null");
    case "boolean":
      return sink.literal(value ? "true" : "false");
    case "bigint":
      return sink.literal(value.toString());
    case "object":
      if (value === null) return sink.literal("null");
      if (isCut(value, depth, open)) return sink.text(CUT);
      open.push(value);
      if (Array.isArray(value)) walkArray(value as unknown[], depth, open, sink);
      else walkObject(value as Record<string, unknown>, depth, open, sink);
      open.pop();
      return;
    default:
      return sink.literal("null");
  }
}

function walkArray(items: unknown[], depth: number, open: object[], sink: Sink): void {
  sink.punct(91);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) sink.punct(44);
    walk(items[i], depth + 1, open, sink);
  }
  sink.punct(93);
}

function walkObject(record: Record<string, unknown>, depth: number, open: object[], sink: Sink): void {
  sink.punct(123);
  let isFirst = true;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  for (const key of keys) {
    const item = record[key];
    if (isDropped(item)) continue;
    if (!isFirst) sink.punct(44);
    sink.text(key);
    sink.punct(58);
    walk(item, depth + 1, open, sink);
    isFirst = false;
  }
  sink.punct(125);
}

/** True for an object that stands for CUT: one deeper than MAX_DEPTH, or one of its own ancestors (a cycle). */
export function isCut(value: object, depth: number, ancestors: readonly object[]): boolean {
  return depth >= MAX_DEPTH || ancestors.includes(value);
}

/** Whether a property value is written at all (JSON.stringify drops these from objects). */
export const isDropped = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

class TextSink implements Sink {
  out = "";
  text(value: string) {
    this.out += JSON.stringify(value);
  }
  literal(value: string) {
    this.out += value;
  }
  punct(code: number) {
    this.out += String.fromCharCode(code);
  }
}

// Two 32-bit multiplicative hashes over a token stream in which every token carries a tag and its length,
// so different token sequences do not feed the same numbers. Long texts are sampled (start, middle, end):
// the hash only has to be equal for equal texts, and groups are confirmed by comparing texts.
const SAMPLE = 48;

class HashSink implements Sink {
  private a = 0x811c9dc5;
  private b = 0x2545f491;
  private feed(code: number) {
    this.a = Math.imul(this.a ^ code, 0x01000193);
    this.b = Math.imul(this.b ^ code, 0x5bd1e995);
  }
  private feedRange(value: string, from: number, to: number) {
    for (let i = from; i < to; i++) this.feed(value.charCodeAt(i));
  }
  private feedChars(tag: number, value: string) {
    const length = value.length;
    this.feed(tag + length);
    if (length <= 3 * SAMPLE) return this.feedRange(value, 0, length);
    const middle = (length - SAMPLE) >> 1;
    this.feedRange(value, 0, SAMPLE);
    this.feedRange(value, middle, middle + SAMPLE);
    this.feedRange(value, length - SAMPLE, length);
  }
  text(value: string) {
    this.feedChars(0x10000, value);
  }
  literal(value: string) {
    this.feedChars(0x20000000, value);
  }
  punct(code: number) {
    this.feed(0x7f000000 + code);
  }
  digest(): number {
    return mix32(this.a) * 0x200000 + (mix32(this.b) >>> 11);
  }
}

function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const NOT_JSON = Symbol("not-json");

/**
 * Parses `text` when it is JSON, else returns it unchanged. At the top level any JSON value counts (`"42"`
 * is the number 42, and double-encoded JSON text is unwrapped once); nested inside a value only objects
 * and arrays do, so an argument like `{ "zip": "02134" }` keeps its string.
 */
export function parseJsonText(text: string, isTopLevel: boolean): unknown {
  let start = 0;
  let end = text.length - 1;
  while (start <= end && isJsonSpace(text.charCodeAt(start))) start++;
  while (end >= start && isJsonSpace(text.charCodeAt(end))) end--;
  if (start > end) return text;
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end);
  const isContainer = (first === 123 && last === 125) || (first === 91 && last === 93); // {…} or […]
  if (!isContainer && !(isTopLevel && looksLikeJsonScalar(first, last))) return text;
  const parsed = tryParse(text);
  if (parsed === NOT_JSON) return text;
  return isTopLevel && typeof parsed === "string" ? parseJsonText(parsed, false) : parsed;
}

/** Cheap first look: a nested string can only be a JSON object or array if it starts with `{`, `[` or space. */
export function mayBeJsonContainer(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 123 || first === 91 || isJsonSpace(first);
}

const isJsonSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

// '"', a digit, '-', or the first letter of true/false/null: JSON.parse decides the rest.
const looksLikeJsonScalar = (first: number, last: number) =>
  (first === 34 && last === 34) || (first >= 48 && first <= 57) || first === 45 || first === 116 || first === 102 || first === 110;

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
