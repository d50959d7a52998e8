// Query parameters of GET /api/v1/traces/diff (and the compare page): run `a`, and run `b` or "baseline".
// Every error names its parameter. Pure.
import { z } from "zod";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const DIFF_PARAMS = {
  a: traceIdSchema,
  b: z.string().regex(/^([0-9a-fA-F]{32}|baseline)$/, 'must be 32 hexadecimal characters or "baseline"'),
} as const;

export type ParsedDiffParams = { ok: true; a: string; b: string } | { ok: false; parameter: string; message: string };

/** Both runs, lower-cased; `b` may be "baseline". Unknown parameters are refused. */
export function parseDiffParams(params: URLSearchParams): ParsedDiffParams {
  for (const key of params.keys()) if (!(key in DIFF_PARAMS)) return { ok: false, parameter: key, message: "unknown parameter; allowed: a, b" };
  for (const key of ["a", "b"] as const) {
    const value = params.get(key);
    if (value === null) return { ok: false, parameter: key, message: "is required" };
    const parsed = DIFF_PARAMS[key].safeParse(value);
    if (!parsed.success) return { ok: false, parameter: key, message: parsed.error.issues[0]?.message ?? "is invalid" };
  }
  const b = params.get("b")!;
  return { ok: true, a: params.get("a")!.toLowerCase(), b: b === "baseline" ? b : b.toLowerCase() };
}
