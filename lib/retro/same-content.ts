// Whether two values have the same canonical text (canonical.ts), decided by walking both at once instead
// of building the texts: equal strings compare natively, and the walk stops at the first difference. The
// diff compares the inputs and outputs of every aligned pair of steps with it.
//
// Mirrors canonical.ts rule for rule: JSON text is read as JSON (any JSON value at the top level, objects
// and arrays inside a value), object keys compare as sets with dropped members (undefined, functions)
// left out, non-finite numbers and anything unwritable in an array are `null`, and a cycle or anything
// deeper than the depth limit stands for the text CUT.
import { CUT, isCut, isDropped, mayBeJsonContainer, parseJsonText } from "@/lib/retro/canonical";

/** True when `a` and `b` are the same JSON after canonicalisation (canonicalText(a) === canonicalText(b)). */
export function sameContent(a: unknown, b: unknown): boolean {
  return equal(topLevel(a), topLevel(b), 0, [], []);
}

const topLevel = (value: unknown) => (typeof value === "string" ? parseJsonText(value, true) : value);

type Shape =
  { kind: "text"; text: string } | { kind: "literal"; text: string } | { kind: "array"; value: unknown[] } | { kind: "object"; value: Record<string, unknown> };

function shapeOf(value: unknown, depth: number, ancestors: object[]): Shape {
  if (typeof value === "string") {
    const parsed = depth > 0 && mayBeJsonContainer(value) ? parseJsonText(value, false) : value;
    return typeof parsed === "string" ? { kind: "text", text: parsed } : shapeOf(parsed, depth, ancestors);
  }
  if (typeof value === "object" && value !== null) {
    if (isCut(value, depth, ancestors)) return { kind: "text", text: CUT };
    return Array.isArray(value) ? { kind: "array", value: value as unknown[] } : { kind: "object", value: value as Record<string, unknown> };
  }
  return { kind: "literal", text: literalOf(value) };
}

function literalOf(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    default:
      return "null";
  }
}

function equal(a: unknown, b: unknown, depth: number, ancestorsA: object[], ancestorsB: object[]): boolean {
  if (typeof a === "number" && typeof b === "number") return Number.isFinite(a) ? a === b : !Number.isFinite(b);
  if (depth > 0 && typeof a === "string" && typeof b === "string" && a === b) return true; // same text, same JSON
  const x = shapeOf(a, depth, ancestorsA);
  const y = shapeOf(b, depth, ancestorsB);
  if (x.kind !== y.kind) return false;
  if (x.kind === "text" || x.kind === "literal") return x.text === (y as typeof x).text;
  ancestorsA.push(x.value);
  ancestorsB.push((y as typeof x).value);
  const same =
    x.kind === "array"
      ? equalArrays(x.value, (y as typeof x).value, depth, ancestorsA, ancestorsB)
      : equalObjects(x.value, (y as typeof x).value, depth, ancestorsA, ancestorsB);
  ancestorsA.pop();
  ancestorsB.pop();
  return same;
}

function equalArrays(a: unknown[], b: unknown[], depth: number, ancestorsA: object[], ancestorsB: object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i], depth + 1, ancestorsA, ancestorsB)) return false;
  return true;
}

function equalObjects(a: Record<string, unknown>, b: Record<string, unknown>, depth: number, ancestorsA: object[], ancestorsB: object[]): boolean {
  let count = 0;
  for (const key of Object.keys(a)) {
    const item = a[key];
    if (isDropped(item)) continue;
    count++;
    if (!Object.prototype.propertyIsEnumerable.call(b, key) || isDropped(b[key])) return false;
    if (!equal(item, b[key], depth + 1, ancestorsA, ancestorsB)) return false;
  }
  let countB = 0;
  for (const key of Object.keys(b)) if (!isDropped(b[key])) countB++;
  return count === countB;
}
