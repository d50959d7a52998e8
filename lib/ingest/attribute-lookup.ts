// First-non-empty lookups over span attributes, in the order docs/frameworks.md lists each field's sources.
import type { OtlpAttributes, OtlpValue } from "./otlp-types";

const isBlank = (value: OtlpValue | undefined) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/** The first key whose value is present and non-empty, as a string. */
export function firstString(attrs: OtlpAttributes, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = attrs[key];
    if (isBlank(value)) continue;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
  }
  return null;
}

/** The first key whose value is a finite, non-negative number (numeric strings accepted). */
export function firstNumber(attrs: OtlpAttributes, keys: readonly string[]): number | null {
  for (const key of keys) {
    const n = toNumber(attrs[key]);
    if (n !== null) return n;
  }
  return null;
}

export function toNumber(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The first present value of any type (for input/output, which may be JSON text or structured). */
export function firstValue(attrs: OtlpAttributes, keys: readonly string[]): OtlpValue | undefined {
  for (const key of keys) if (!isBlank(attrs[key])) return attrs[key];
  return undefined;
}

/** Parses JSON text when the value looks like JSON; anything else is returned unchanged. */
export function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!/^[[{"]/.test(trimmed)) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

/** Collects `prefix.{i}.rest` attributes into an array of objects keyed by `rest` (OpenInference, OpenLLMetry). */
export function collectIndexed(attrs: OtlpAttributes, prefix: string): Record<string, OtlpValue>[] {
  const items: Record<string, OtlpValue>[] = [];
  const head = `${prefix}.`;
  for (const key in attrs) {
    if (!key.startsWith(head)) continue;
    const rest = key.slice(head.length);
    const dot = rest.indexOf(".");
    const index = Number(dot === -1 ? rest : rest.slice(0, dot));
    if (!Number.isInteger(index) || index < 0 || index > 10_000 || dot === -1) continue;
    (items[index] ??= {})[rest.slice(dot + 1)] = attrs[key] as OtlpValue;
  }
  return items.filter(Boolean);
}
