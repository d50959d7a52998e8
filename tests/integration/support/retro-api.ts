// Reads of the retro-analysis API for integration tests, and a wait for the findings job.
import { expect } from "vitest";
import type { CriticalPath, Finding, TraceDiff } from "@/lib/retro";
import type { TraceSummary } from "@/lib/trace/types";
import { authHeaders, getTrace, type TestServer } from "./index";

export type FindingsPoint = { bucketStart: string; group: string; traces: number; occurrences: number; wastedMs: number; wastedCostUsd: number | null };

/** GET any API path: status and parsed body. */
export async function apiGet<T>(server: TestServer, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: authHeaders(server) });
  return { status: response.status, body: (await response.json()) as T };
}

/** The trace's findings as GET /api/v1/traces/{id} shows them. */
export async function findingsOf(server: TestServer, traceId: string): Promise<Finding[]> {
  return ((await getTrace(server, traceId)) as unknown as { findings: Finding[] }).findings;
}

export async function summaryOf(server: TestServer, traceId: string): Promise<TraceSummary> {
  return (await getTrace(server, traceId)).trace;
}

/** Waits (polling, no timing assertion) until the findings job has stored exactly `expected` for the trace. */
export async function expectFindings(server: TestServer, traceId: string, expected: Finding[]): Promise<void> {
  await expect.poll(() => findingsOf(server, traceId), { timeout: 20_000, interval: 100 }).toEqual(expected);
}

export async function findingsMetrics(server: TestServer, params: Record<string, string>): Promise<FindingsPoint[]> {
  const { status, body } = await apiGet<{ data: FindingsPoint[] }>(server, `/api/v1/metrics/findings?${new URLSearchParams(params)}`);
  if (status !== 200) throw new Error(`GET metrics/findings: ${status} ${JSON.stringify(body)}`);
  return body.data;
}

export const criticalPathOf = (server: TestServer, traceId: string) => apiGet<CriticalPath>(server, `/api/v1/traces/${traceId}/critical-path`);

export const diffOf = (server: TestServer, a: string, b: string) =>
  apiGet<TraceDiff & { a: TraceSummary; b: TraceSummary }>(server, `/api/v1/traces/diff?${new URLSearchParams({ a, b })}`);

/** A cost sum as lib/retro rounds it (to a trillionth of a dollar). */
export const usd = (value: number) => Math.round(value * 1e12) / 1e12;
