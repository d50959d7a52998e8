import "server-only";
// GET /api/v1/traces/diff?a=<traceId>&b=<traceId | "baseline">: the parameters, and the answer of
// lib/data/findings/run-diff.ts as JSON (404 naming the run that is missing).
import { badParameter, jsonError } from "@/lib/api/respond";
import { diffRunPair } from "@/lib/data/findings/run-diff";
import type { ProjectScope } from "@/lib/data/scope";

const TRACE_ID = /^[0-9a-fA-F]{32}$/;

type Parsed = { ok: true; a: string; b: string } | { ok: false; response: Response };

export function parseDiffParams(params: URLSearchParams): Parsed {
  for (const key of params.keys()) if (key !== "a" && key !== "b") return { ok: false, response: badParameter(key, "unknown parameter; allowed: a, b") };
  const a = params.get("a");
  const b = params.get("b");
  if (!a || !TRACE_ID.test(a)) return { ok: false, response: badParameter("a", "must be a trace id (32 hexadecimal characters)") };
  if (!b || (b !== "baseline" && !TRACE_ID.test(b)))
    return { ok: false, response: badParameter("b", 'must be a trace id (32 hexadecimal characters) or "baseline"') };
  return { ok: true, a: a.toLowerCase(), b: b === "baseline" ? b : b.toLowerCase() };
}

export async function diffResponse(scope: ProjectScope, a: string, b: string): Promise<Response> {
  const result = await diffRunPair(scope, a, b);
  return result.ok ? Response.json(result.diff) : jsonError(404, result.message, { parameter: result.side });
}
