// Property-based fuzzing of the logs decoders (see fuzz-traces.test.ts): generated OTLP logs bodies,
// valid and mutated, through parse + normalise. Every body ends as records or the documented rejection.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseBody } from "@/lib/ingest/pipeline";
import { buildPriceBook } from "@/lib/pricing/compute";
import { FUZZ_SEED, logsBody } from "./support/otlp-fuzz";
import { expectStorable } from "./support/storable";

const prices = buildPriceBook();

describe("logs bodies, generated and mutated", () => {
  it("normaliseBody returns storable records or a rejection for every body, and never throws", () => {
    fc.assert(
      fc.property(logsBody, (body) => {
        const result = normaliseBody("logs", body.bytes, body.format, prices);
        if (result.ok) expectStorable(result.batch);
        else expect(result.message).toEqual(expect.any(String));
        if (!body.mutated) expect(result.ok).toBe(true);
      }),
      { seed: FUZZ_SEED + 3, numRuns: 3000 },
    );
  }, 120_000);
});
