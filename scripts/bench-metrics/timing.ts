// Timed HTTP reads of the analytics benchmark: API answers and dashboard pages (the whole streamed HTML,
// so Suspense boundaries that resolve late are counted), median of several runs after one warm-up
// request (route bundle, Prisma, caches). A response time runs until the last byte of the body has
// arrived (decompressed, as fetch does); parsing the JSON afterwards is the client's work and is not
// counted (on this benchmark's 2-core machine it would also compete with the server for the CPU).
import type { RunningServer } from "../../tests/support/hindsight-server";

export type Point = { count?: number; traces?: number };

/** GET an API path; the time runs to the last byte of the answer, `parseMs` is decoding and JSON.parse after. */
export async function getJson(server: RunningServer, path: string): Promise<{ ms: number; parseMs: number; data: Point[] }> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
  const bytes = await response.arrayBuffer();
  const ms = performance.now() - started;
  const parsing = performance.now();
  const text = new TextDecoder().decode(bytes);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as { data: Point[] };
  return { ms, parseMs: performance.now() - parsing, data: body.data };
}

/**
 * GET a page as a signed-in browser would (`cookie` from tests/support/sign-in.ts); the time includes the
 * whole body. Redirects are not followed, so a page answering one (to /login) fails instead of timing it.
 */
export async function getPage(server: RunningServer, path: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { accept: "text/html", cookie }, redirect: "manual" });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 500)}`);
  return { ms, bytes: Buffer.byteLength(body) };
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `read` once to warm up, then `runs` times; the median and max of the timed runs, and the warm-up's result. */
export async function timeRuns<R extends { ms: number }>(runs: number, read: () => Promise<R>): Promise<{ first: R; medianMs: number; maxMs: number }> {
  const first = await read();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await read()).ms);
  return { first, medianMs: median(times), maxMs: Math.max(...times) };
}
