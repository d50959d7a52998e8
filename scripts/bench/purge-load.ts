// The load of the purge benchmark. Generating realistic agent traces costs far more CPU than sending
// them, and a million spans of them would not fit in memory, so one chunk of traces is generated per
// age (expired, kept, live) and sent many times over as variants: each variant flips one byte of every
// trace id in the encoded bodies (trace ids in spans and links), which makes new traces of the same
// content, sizes and times. Requests are sent by N concurrent senders, each one's latency recorded.
import type { Workload } from "./encode";
import { post, retryAfterMs, type Target } from "./send";

export type Body = { body: Buffer<ArrayBuffer>; spans: number };
export type Sent = { startedMs: number; endedMs: number; spans: number };
export type LoadFigures = { sent: Sent[]; refused: number };

/** Offsets of the 16-byte trace ids (field 1, length 16: 0x0a 0x10) of the workload's traces in one body. */
function traceIdOffsets(body: Buffer, ids: ReadonlySet<string>): number[] {
  const offsets: number[] = [];
  for (let i = 0; i + 18 <= body.length; i++) {
    if (body[i] !== 0x0a || body[i + 1] !== 0x10) continue;
    if (ids.has(body.toString("hex", i + 2, i + 18))) offsets.push(i + 2);
  }
  return offsets;
}

/** Variants 1…count of every body of the workload (at most 255), in order. */
export function* variantsOf(workload: Workload, count: number): Generator<Body> {
  const ids = new Set(workload.traceIds);
  const offsets = workload.bodies.map((body) => traceIdOffsets(body, ids));
  for (let variant = 1; variant <= Math.min(count, 255); variant++) {
    for (let b = 0; b < workload.bodies.length; b++) {
      const source = workload.bodies[b]!;
      const body = Buffer.alloc(source.length);
      source.copy(body);
      for (const offset of offsets[b]!) body[offset + 4] = body[offset + 4]! ^ variant; // inside the random part of the id
      yield { body, spans: workload.spansPerBody[b]! };
    }
  }
}

const postOnce = (target: Target, body: Buffer<ArrayBuffer>) =>
  post(target, body).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ECONNRESET") return null; // a kept-alive connection the server closed meanwhile: send again
    throw error;
  });

/** Sends bodies with `senders` loops until `bodies` runs out or `until()` says stop; each accepted request recorded. */
export async function sendLoad(target: Target, bodies: Iterator<Body>, senders: number, until: () => boolean = () => false): Promise<LoadFigures> {
  const figures: LoadFigures = { sent: [], refused: 0 };
  const loop = async () => {
    for (;;) {
      if (until()) return;
      const next = bodies.next();
      if (next.done) return;
      for (;;) {
        const startedMs = performance.now();
        const answer = await postOnce(target, next.value.body);
        if (answer === null) continue;
        if (answer.status === 200) {
          figures.sent.push({ startedMs, endedMs: performance.now(), spans: next.value.spans });
          break;
        }
        if (answer.status !== 429 && answer.status !== 503)
          throw new Error(`POST /v1/traces answered ${answer.status}: ${Buffer.from(answer.bytes).toString("utf8").slice(0, 300)}`);
        figures.refused += 1;
        await new Promise((resolve) => setTimeout(resolve, retryAfterMs(answer.retryAfter)));
      }
    }
  };
  await Promise.all(Array.from({ length: senders }, loop));
  return figures;
}

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

/** Throughput and latency of the requests sent within [fromMs, toMs]. */
export function figuresBetween(figures: LoadFigures, fromMs: number, toMs: number) {
  const within = figures.sent.filter((s) => s.startedMs >= fromMs && s.endedMs <= toMs);
  const latencies = within.map((s) => s.endedMs - s.startedMs);
  const seconds = (toMs - fromMs) / 1000;
  return {
    requests: within.length,
    spansPerSecond: within.reduce((n, s) => n + s.spans, 0) / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    seconds,
  };
}
