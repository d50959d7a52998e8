import "server-only";
// GET /api/v1/traces/diff: the answer of lib/data/findings/run-diff.ts as JSON, 404 naming the run that is missing.
import { jsonError } from "@/lib/api/respond";
import { diffRunPair } from "@/lib/data/findings/run-diff";
import type { ProjectScope } from "@/lib/data/scope";

export async function diffResponse(scope: ProjectScope, a: string, b: string): Promise<Response> {
  const result = await diffRunPair(scope, a, b);
  return result.ok ? Response.json(result.diff) : jsonError(404, result.message, { parameter: result.side });
}
