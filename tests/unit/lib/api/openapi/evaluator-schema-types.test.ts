// The evaluator response schemas of the document have exactly the types the routes answer with (checked
// by npm run typecheck).
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { backfillProgressSchema, evaluatorSchema } from "@/lib/api/openapi/schemas/evaluators";
import type { BackfillProgress, EvaluatorView } from "@/lib/quality/evaluator-types";

type Out<S extends z.ZodType> = z.output<S>;

describe("evaluator response schemas match the types the routes answer with", () => {
  it("evaluators and backfills", () => {
    expectTypeOf<Out<typeof evaluatorSchema>>().branded.toEqualTypeOf<EvaluatorView>();
    expectTypeOf<Out<typeof backfillProgressSchema>>().branded.toEqualTypeOf<BackfillProgress>();
  });
});
