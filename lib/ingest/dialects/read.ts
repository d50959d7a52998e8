// Small readers the dialects share: typed attribute access and JSON text parsed defensively (span content is
// untrusted: anything malformed reads as absent, never as an error).
import { parseMaybeJson } from "../attribute-lookup";
import type { OtlpAttributes } from "../otlp-types";

export type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

/** The attribute as a non-empty string, else null. */
export const textOf = (attrs: OtlpAttributes, key: string): string | null => {
  const value = attrs[key];
  return typeof value === "string" && value !== "" ? value : null;
};

/** The attribute parsed when it is JSON text (structured attribute values are returned as they are). */
export const jsonOf = (attrs: OtlpAttributes, key: string): unknown => parseMaybeJson(attrs[key]);

/** The attribute parsed as a JSON object, else null. */
export const objectOf = (attrs: OtlpAttributes, key: string): Obj | null => {
  const value = jsonOf(attrs, key);
  return isObject(value) ? value : null;
};

/** A non-empty string found by following `path` into a value, else null. */
export function textAt(value: unknown, path: readonly (string | number)[]): string | null {
  let at: unknown = value;
  for (const step of path) {
    if (typeof step === "number") at = Array.isArray(at) ? at[step] : undefined;
    else at = isObject(at) ? at[step] : undefined;
  }
  return typeof at === "string" && at !== "" ? at : null;
}

/** A finite non-negative number found by following `path`, else null. */
export function numberAt(value: unknown, path: readonly string[]): number | null {
  let at: unknown = value;
  for (const step of path) at = isObject(at) ? at[step] : undefined;
  return typeof at === "number" && Number.isFinite(at) && at >= 0 ? at : null;
}
