// Property-based fuzzing of the trace decoders: generated OTLP trace bodies (protobuf and JSON), valid and
// mutated, through the pipeline's pure part (parse + normalise). Every body must end as a batch or as the
// documented rejection (ok: false and a message, from an OtlpShapeError); anything thrown is a crash that
// would answer 500. Fixed seeds; fast-check prints the seed and the counterexample's path on failure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OtlpShapeError } from "@/lib/ingest/otlp-types";
import { parseTraceRequest } from "@/lib/ingest/parse";
import { normaliseBody } from "@/lib/ingest/pipeline";
import { buildPriceBook } from "@/lib/pricing/compute";
import { expectStorable } from "./support/storable";
import { FUZZ_SEED, traceBody } from "./support/otlp-fuzz";

const prices = buildPriceBook();

describe("trace bodies, generated and mutated", () => {
  it("normaliseBody returns a storable batch or a rejection for every body, and never throws", () => {
    fc.assert(
      fc.property(traceBody, (body) => {
        const result = normaliseBody("traces", body.bytes, body.format, prices);
        if (result.ok) expectStorable(result.batch);
        else expect(result.message).toEqual(expect.any(String));
        if (!body.mutated) expect(result.ok).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 4000 },
    );
  }, 120_000);

  it("parseTraceRequest throws nothing but OtlpShapeError", () => {
    fc.assert(
      fc.property(traceBody, (body) => {
        try {
          parseTraceRequest(body.bytes, body.format);
        } catch (error) {
          if (!(error instanceof OtlpShapeError)) throw error;
        }
      }),
      { seed: FUZZ_SEED + 1, numRuns: 2000 },
    );
  }, 120_000);
});
