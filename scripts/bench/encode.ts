// Generates the whole workload up front and encodes it as OTLP protobuf ExportTraceServiceRequest
// bodies of `batchSize` spans each, like a BatchSpanProcessor would (a trace may straddle two bodies).
// Everything happens before the clock starts, so the timed part measures the server, not protobufjs.
import protobuf from "protobufjs";
import { OTLP_PROTO } from "../../lib/ingest/otlp-schema";
import { createRandom } from "../demo/random";
import { RESOURCES, SCOPE } from "./catalog";
import type { ProtoSpan } from "./otlp-values";
import { generateTrace } from "./traces";

export type Workload = {
  /** Own ArrayBuffer each (not a view into protobufjs's pool), as fetch's BodyInit wants. */
  bodies: Buffer<ArrayBuffer>[];
  /** Spans per body, same order as bodies. */
  spansPerBody: number[];
  spans: number;
  traces: number;
  bytes: number;
  /** Hex trace ids, for verifying through the read API. */
  traceIds: string[];
};

const TraceRequest = protobuf.parse(OTLP_PROTO).root.lookupType("hindsight.otlp.ExportTraceServiceRequest");

type Pending = { resource: number; span: ProtoSpan };

function encodeBody(pending: Pending[]): Buffer<ArrayBuffer> {
  // One ResourceSpans per resource present in the body, in order of first appearance, as SDK exporters group them.
  const byResource = new Map<number, ProtoSpan[]>();
  for (const { resource, span } of pending) {
    let list = byResource.get(resource);
    if (!list) byResource.set(resource, (list = []));
    list.push(span);
  }
  const request = {
    resourceSpans: [...byResource].map(([resource, spans]) => ({
      resource: { attributes: RESOURCES[resource]! },
      scopeSpans: [{ scope: SCOPE, spans }],
    })),
  };
  return Buffer.from(TraceRequest.encode(request).finish());
}

/** Whole traces until at least `minSpans` spans, cut into bodies of `batchSize` spans; `offsetMs` shifts their times. */
export function buildWorkload(minSpans: number, batchSize: number, seed: number, offsetMs = 0): Workload {
  const rng = createRandom(seed);
  const workload: Workload = { bodies: [], spansPerBody: [], spans: 0, traces: 0, bytes: 0, traceIds: [] };
  let pending: Pending[] = [];
  const flush = () => {
    const body = encodeBody(pending);
    workload.bodies.push(body);
    workload.spansPerBody.push(pending.length);
    workload.bytes += body.length;
    pending = [];
  };
  while (workload.spans < minSpans) {
    const trace = generateTrace(rng, workload.traces, offsetMs);
    workload.traces += 1;
    workload.traceIds.push(trace.spans[0]!.traceId.toString("hex"));
    for (const span of trace.spans) {
      pending.push({ resource: trace.resource, span });
      workload.spans += 1;
      if (pending.length === batchSize) flush();
    }
  }
  if (pending.length) flush();
  return workload;
}
