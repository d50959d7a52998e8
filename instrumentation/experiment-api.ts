/**
 * The few calls of Hindsight's JSON API that runExperiment makes: read a
 * dataset's items, register the experiment, and record which trace ran each
 * item. The key needs the `read` scope for the first and `write` for the others.
 */
import { buildTracesUrl } from "./resolve-config.js";

export type DatasetItemRecord = {
  id: string;
  input: unknown;
  expectedOutput: unknown;
  metadata: Record<string, unknown> | null;
};

export type ApiTarget = { baseUrl: string; headers: Record<string, string> };
type DatasetRecord = { id: string; name: string };

const TRACES_SUFFIX = /\/v1\/traces\/?$/;
/** Runs posted per request (the server takes at most 500). */
const RUNS_PER_REQUEST = 200;

/** The server's base URL from an OTLP traces URL (`http://host:3000/v1/traces` → `http://host:3000`). */
export function apiBaseFromTracesUrl(tracesUrl: string): string {
  return tracesUrl.replace(TRACES_SUFFIX, "").replace(/\/+$/, "");
}

/** A base URL as given (`http://host:3000`, with or without `/v1/traces`). */
export function apiBaseFromEndpoint(endpoint: string): string {
  return apiBaseFromTracesUrl(buildTracesUrl(endpoint, "endpoint option"));
}

async function call<T>(target: ApiTarget, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { ...target.headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: keep the text.
    }
    throw new Error(`Hindsight: ${method} ${path} answered ${response.status}: ${message}`);
  }
  return JSON.parse(text) as T;
}

/** The dataset named by id or by name. */
export async function findDataset(target: ApiTarget, ref: string): Promise<DatasetRecord> {
  const { data } = await call<{ data: DatasetRecord[] }>(target, "GET", "/api/v1/datasets");
  const dataset = data.find((d) => d.id === ref) ?? data.find((d) => d.name === ref);
  if (!dataset) throw new Error(`Hindsight: no dataset "${ref}" in the API key's project (by id or name)`);
  return dataset;
}

export async function fetchDatasetItems(target: ApiTarget, datasetId: string): Promise<DatasetItemRecord[]> {
  const { data } = await call<{ data: DatasetItemRecord[] }>(target, "GET", `/api/v1/datasets/${encodeURIComponent(datasetId)}/items?format=json`);
  return data;
}

export async function registerExperiment(target: ApiTarget, input: { name: string; datasetId: string; metadata?: Record<string, unknown> }): Promise<string> {
  return (await call<{ id: string }>(target, "POST", "/api/v1/experiments", input)).id;
}

type RunRecord = {
  itemId: string;
  traceId: string;
  error: string | null;
  scores: { name: string; value: number | null; label: string | null; comment: string | null }[];
};

export async function recordRuns(target: ApiTarget, experimentId: string, runs: RunRecord[]): Promise<void> {
  for (let start = 0; start < runs.length; start += RUNS_PER_REQUEST) {
    await call(target, "POST", `/api/v1/experiments/${encodeURIComponent(experimentId)}/runs`, { runs: runs.slice(start, start + RUNS_PER_REQUEST) });
  }
}
