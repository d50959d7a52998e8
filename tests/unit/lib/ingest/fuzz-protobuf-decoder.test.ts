// Differential fuzzing of the hand-written protobuf trace decoder against protobufjs + toTraceRequest,
// which it replaces on the hot path and must equal (otlp-trace-decoder.ts): on every generated valid
// body, and on every byte-mutated body that both accept.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTraceRequestProtobuf } from "@/lib/ingest/otlp-trace-decoder";
import { OtlpShapeError } from "@/lib/ingest/otlp-types";
import { toTraceRequest } from "@/lib/ingest/parse";
import { FUZZ_SEED, TraceRequestType, byteMutations, encodeProtobuf, mutateBytes, traceRequest } from "./support/otlp-fuzz";

function both(bytes: Uint8Array) {
  let fast: unknown = null;
  let slow: unknown = null;
  try {
    fast = decodeTraceRequestProtobuf(bytes);
  } catch (error) {
    if (!(error instanceof OtlpShapeError)) throw error;
  }
  try {
    slow = toTraceRequest(TraceRequestType.decode(bytes));
  } catch {
    // protobufjs or the walker refused it
  }
  return { fast, slow };
}

describe("the protobuf trace decoder against protobufjs", () => {
  it("decodes every generated body as protobufjs + toTraceRequest do", () => {
    fc.assert(
      fc.property(traceRequest, (request) => {
        const { fast, slow } = both(encodeProtobuf(TraceRequestType, request));
        expect(fast).not.toBeNull();
        expect(fast).toEqual(slow);
      }),
      { seed: FUZZ_SEED + 4, numRuns: 1500 },
    );
  }, 120_000);

  it("agrees with them on every mutated body both accept, and throws nothing but OtlpShapeError", () => {
    fc.assert(
      fc.property(traceRequest, byteMutations, (request, mutations) => {
        const { fast, slow } = both(mutateBytes(encodeProtobuf(TraceRequestType, request), mutations));
        if (fast !== null && slow !== null) expect(fast).toEqual(slow);
      }),
      { seed: FUZZ_SEED + 5, numRuns: 1500 },
    );
  }, 120_000);
});
