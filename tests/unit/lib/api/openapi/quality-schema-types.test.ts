// The review-queue, dataset and experiment response schemas of the document have exactly the types the
// routes answer with (checked by npm run typecheck).
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { experimentSchema, experimentComparisonSchema, experimentDetailSchema } from "@/lib/api/openapi/schemas/experiments";
import type {
  datasetItemSchema,
  datasetSchema,
  reviewItemSchema,
  reviewQueueDetailSchema,
  reviewQueueSchema,
  reviewResultsSchema,
} from "@/lib/api/openapi/schemas/review-datasets";
import type { ReviewResults } from "@/lib/data/quality/review-results";
import type { ReviewAgreement } from "@/lib/quality/review-agreement";
import type { Dataset, DatasetItem } from "@/lib/quality/dataset-types";
import type { Experiment, ExperimentComparison, ExperimentRun } from "@/lib/quality/experiment-types";
import type { ReviewItem, ReviewQueue } from "@/lib/quality/review-types";

type Out<S extends z.ZodType> = z.output<S>;

describe("quality response schemas match the types the routes answer with", () => {
  it("review queues", () => {
    expectTypeOf<Out<typeof reviewQueueSchema>>().branded.toEqualTypeOf<ReviewQueue>();
    expectTypeOf<Out<typeof reviewItemSchema>>().branded.toEqualTypeOf<ReviewItem>();
    expectTypeOf<Out<typeof reviewResultsSchema>>().branded.toEqualTypeOf<ReviewResults>();
    expectTypeOf<Out<typeof reviewQueueDetailSchema>>().branded.toEqualTypeOf<ReviewQueue & { agreement: ReviewAgreement[] }>();
  });

  it("datasets", () => {
    expectTypeOf<Out<typeof datasetSchema>>().branded.toEqualTypeOf<Dataset>();
    expectTypeOf<Out<typeof datasetItemSchema>>().branded.toEqualTypeOf<DatasetItem>();
  });

  it("experiments", () => {
    expectTypeOf<Out<typeof experimentSchema>>().branded.toEqualTypeOf<Experiment>();
    expectTypeOf<Out<typeof experimentDetailSchema>>().branded.toEqualTypeOf<Experiment & { runs: ExperimentRun[] }>();
    expectTypeOf<Out<typeof experimentComparisonSchema>>().branded.toEqualTypeOf<ExperimentComparison>();
  });
});
