// What integration tests share: the servers started by global-setup.ts and small HTTP helpers.
import { describe, inject } from "vitest";
import type { TestServer } from "../../support/hindsight-server";
import type { TraceDetail, TracePage } from "@/lib/trace/types";

declare module "vitest" {
  export interface ProvidedContext {
    servers: TestServer[];
  }
}

export type { TestServer };

/** Runs the block once per database under test (SQLite, and PostgreSQL when reachable). */
export function forEachDatabase(fn: (server: TestServer) => void): void {
  for (const server of inject("servers")) describe(`on ${server.name}`, () => fn(server));
}

export const authHeaders = (server: TestServer) => ({ authorization: `Bearer ${server.apiKey}` });

/** GET /api/v1/traces/{id}; throws with the status when it is not 200. */
export async function getTrace(server: TestServer, traceId: string): Promise<TraceDetail> {
  const response = await fetch(`${server.baseUrl}/api/v1/traces/${traceId}`, { headers: authHeaders(server) });
  if (response.status !== 200) throw new Error(`GET trace ${traceId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as TraceDetail;
}

/**
 * What was stored of a trace, without what the findings job derives from it in the background (findings,
 * failure mode, finding counts), which may land between two reads.
 */
export async function getStoredTrace(server: TestServer, traceId: string): Promise<unknown> {
  const { findings: _findings, trace, ...rest } = await getTrace(server, traceId);
  const { failureMode: _failureMode, findingCounts: _findingCounts, ...summary } = trace;
  return { ...rest, trace: summary };
}

/** GET /api/v1/traces with query parameters; throws when it is not 200. */
export async function listTraces(server: TestServer, params: Record<string, string | number> = {}): Promise<TracePage> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${server.baseUrl}/api/v1/traces?${query}`, { headers: authHeaders(server) });
  if (response.status !== 200) throw new Error(`GET traces: ${response.status} ${await response.text()}`);
  return (await response.json()) as TracePage;
}

/** POST raw bytes to an OTLP path. */
export function postOtlp(server: TestServer, body: BodyInit, headers: Record<string, string>, path = "/v1/traces"): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, { method: "POST", body, headers: { ...authHeaders(server), ...headers } });
}
