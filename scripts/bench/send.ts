// Sends the pre-encoded bodies with N concurrent senders over keep-alive HTTP, the way N OTLP exporters
// would: each sender takes the next unsent body, and on 429/503 waits Retry-After and sends it again.
// Any other failure stops the run: the benchmark must not report a rate for data that was not taken.
import http from "node:http";
import https from "node:https";
import protobuf from "protobufjs";
import { OTLP_PROTO } from "../../lib/ingest/otlp-schema";

export type SendResult = {
  wallSeconds: number;
  retries429: number;
  retries503: number;
  /** Spans the server said it rejected (partialSuccess.rejectedSpans). */
  rejectedSpans: number;
  requests: number;
  /** CPU seconds this load generator used while sending (it shares the machine with the server). */
  clientCpuSeconds: number;
};

export type Target = { baseUrl: string; apiKey: string };

const TraceResponse = protobuf.parse(OTLP_PROTO).root.lookupType("hindsight.otlp.ExportTraceServiceResponse");
const MAX_ATTEMPTS = 50;

/** Seconds (or an HTTP date) from Retry-After; 1 s when missing or unreadable. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

function rejectedIn(bytes: Uint8Array): number {
  const decoded = TraceResponse.toObject(TraceResponse.decode(bytes), { longs: Number }) as { partialSuccess?: { rejectedSpans?: number } };
  return decoded.partialSuccess?.rejectedSpans ?? 0;
}

export type Answer = { status: number; retryAfter: string | null; bytes: Uint8Array };

// node:http with keep-alive, as the OTel SDKs' own OTLP/HTTP exporters send: the load generator shares
// the machine with the server, and with fetch (undici) it used about five times the CPU (2.2–2.7 s
// against 0.4–0.6 s for the 200,000-span run).
const clients = {
  "http:": { request: http.request, agent: new http.Agent({ keepAlive: true }) },
  "https:": { request: https.request, agent: new https.Agent({ keepAlive: true }) },
};

/**
 * Posts one body. A kept-alive socket the server closed while idle (its keep-alive timeout passes while
 * a loaded machine builds the next workload) fails the write: the body is sent again on a new socket.
 */
export async function post(target: Target, body: Uint8Array<ArrayBuffer>): Promise<Answer> {
  try {
    return await postOnce(target, body);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPIPE" && code !== "ECONNRESET") throw error;
    return postOnce(target, body);
  }
}

function postOnce(target: Target, body: Uint8Array<ArrayBuffer>): Promise<Answer> {
  const url = new URL(`${target.baseUrl}/v1/traces`);
  const client = url.protocol === "https:" ? clients["https:"] : clients["http:"];
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        agent: client.agent,
        headers: { "content-type": "application/x-protobuf", "content-length": body.byteLength, authorization: `Bearer ${target.apiKey}` },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const retryAfter = response.headers["retry-after"];
          resolve({ status: response.statusCode ?? 0, retryAfter: typeof retryAfter === "string" ? retryAfter : null, bytes: Buffer.concat(chunks) });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** One body until accepted; counts the 429/503 answers it had to sit out. */
async function sendOne(target: Target, body: Uint8Array<ArrayBuffer>, result: SendResult): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const response = await post(target, body);
    result.requests += 1;
    const bytes = response.bytes;
    if (response.status === 200) {
      result.rejectedSpans += rejectedIn(bytes);
      return;
    }
    if (response.status === 429 || response.status === 503) {
      if (response.status === 429) result.retries429 += 1;
      else result.retries503 += 1;
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response.retryAfter)));
      continue;
    }
    throw new Error(`POST /v1/traces answered ${response.status}: ${Buffer.from(bytes).toString("utf8").slice(0, 300)}`);
  }
  throw new Error(`a body was still refused after ${MAX_ATTEMPTS} attempts`);
}

/** An empty export: loads the route, the API key lookup and the price book without storing anything. */
export async function warmUp(target: Target): Promise<void> {
  const response = await post(target, new Uint8Array(0));
  if (response.status !== 200) throw new Error(`warm-up request answered ${response.status}`);
}

/** Sends every body with `senders` concurrent loops and times the whole run. */
export async function sendAll(target: Target, bodies: readonly Uint8Array<ArrayBuffer>[], senders: number): Promise<SendResult> {
  const result: SendResult = { wallSeconds: 0, retries429: 0, retries503: 0, rejectedSpans: 0, requests: 0, clientCpuSeconds: 0 };
  let next = 0;
  const loop = async () => {
    while (next < bodies.length) await sendOne(target, bodies[next++]!, result);
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: senders }, loop));
  result.wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  result.clientCpuSeconds = (used.user + used.system) / 1e6;
  return result;
}
