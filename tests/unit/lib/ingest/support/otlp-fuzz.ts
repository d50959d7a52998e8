// Generated OTLP export bodies and their mutations, for the decoder fuzz tests (unit and integration).
// Bodies start valid (otlp-arbitraries.ts), are encoded as OTLP/JSON or protobuf, then optionally broken
// (otlp-mutations.ts).
import fc from "fast-check";
import type protobuf from "protobufjs";
import { LogsRequestType, TraceRequestType, encodeProtobuf, logsRequest, traceIdsOf, traceRequest, type Json } from "./otlp-arbitraries";
import { byteMutations, deepProtobufGroup, jsonMutations, mutateBytes, mutateJson, plantDeep, type ByteMutation } from "./otlp-mutations";

export { LogsRequestType, TraceRequestType, encodeProtobuf, stampTraceIds, traceIdsOf, traceRequest } from "./otlp-arbitraries";
export { byteMutations, mutateBytes } from "./otlp-mutations";

/** The seed of every fuzz run; set HINDSIGHT_FUZZ_SEED to explore others (a failure prints the seed and path to replay). */
export const FUZZ_SEED = Number(process.env.HINDSIGHT_FUZZ_SEED ?? 20261207);

export type FuzzBody = { format: "json" | "protobuf"; bytes: Uint8Array; mutated: boolean; traceIds: string[] };
type TraceRequest = typeof traceRequest extends fc.Arbitrary<infer T> ? T : never;
export type BodyPlan<R> = {
  request: R;
  format: "json" | "protobuf";
  /** Nesting depth of an extra attribute value; past 32 levels the body must be refused. */
  deep: number | null;
  json: { pick: number; value: Json; remove: boolean }[] | null;
  bytes: ByteMutation[] | null;
};

const plan = <R>(request: fc.Arbitrary<R>): fc.Arbitrary<BodyPlan<R>> =>
  fc.record({
    request,
    format: fc.constantFrom("json" as const, "protobuf" as const),
    deep: fc.option(fc.integer({ min: 20, max: 400 }), { freq: 8 }),
    json: fc.option(jsonMutations, { freq: 2 }),
    bytes: fc.option(byteMutations, { freq: 2 }),
  });

/** What to send for a plan. A JSON-level mutation may leave no valid protobuf message: such bodies travel as JSON. */
export function encodeBody<R>(type: protobuf.Type, { request: original, format, deep, json, bytes }: BodyPlan<R>): Omit<FuzzBody, "traceIds"> {
  // protobufjs will not encode a message nested past 100 levels: deep protobuf values are written by hand.
  const request = deep === null || (format === "protobuf" && !json) ? original : plantDeep(JSON.parse(JSON.stringify(original)) as Json, deep);
  const encoded = json
    ? Buffer.from(JSON.stringify(mutateJson(request as unknown as Json, json)))
    : format === "json"
      ? Buffer.from(JSON.stringify(request))
      : Buffer.concat([encodeProtobuf(type, request), deep === null ? new Uint8Array() : deepProtobufGroup(type, deep)]);
  return { format: json ? "json" : format, bytes: bytes ? mutateBytes(encoded, bytes) : encoded, mutated: Boolean(json ?? bytes) || (deep ?? 0) > 32 };
}

/** Plans for trace bodies: valid, JSON-mutated or byte-mutated, in either encoding. */
export const traceBodyPlan: fc.Arbitrary<BodyPlan<TraceRequest>> = plan(traceRequest);
export const logsBodyPlan = plan(logsRequest);

/** A trace body (trace ids as generated: stamp them first when bodies must not share any). */
export const traceBody: fc.Arbitrary<FuzzBody> = traceBodyPlan.map((p) => ({ ...encodeBody(TraceRequestType, p), traceIds: traceIdsOf(p.request) }));
export const logsBody: fc.Arbitrary<FuzzBody> = logsBodyPlan.map((p) => ({ ...encodeBody(LogsRequestType, p), traceIds: [] }));
