// Experiments as the API takes them: the SDK's runExperiment registers one over a dataset, then the run
// of each item (its trace). Pure; the OpenAPI document reads these schemas too.
import { z } from "zod";

const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });
const text = (max: number) => z.string(expected("must be a string")).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const id = z.string(expected("must be a string")).min(1, "must not be empty").max(100, "must be at most 100 characters");

export const MAX_RUNS_PER_REQUEST = 500;

/** A score the SDK's evaluators gave one run: a value, a label, or both. */
const runScoreSchema = z
  .strictObject({
    name: text(100),
    value: z.number({ message: "must be a number" }).finite("must be a finite number").nullish(),
    label: z.string({ message: "must be a string" }).max(100, "must be at most 100 characters").nullish(),
    comment: z.string({ message: "must be a string" }).max(2000, "must be at most 2000 characters").nullish(),
  })
  .refine((score) => (score.value ?? null) !== null || (score.label ?? null) !== null, "a score needs a value or a label");

export const experimentCreateSchema = z
  .strictObject({
    name: text(200),
    datasetId: id,
    metadata: z.record(z.string(), z.unknown(), { message: "must be a JSON object" }).optional(),
  })
  .meta({ id: "ExperimentCreate", description: "What the runs were configured with (model, prompt version, …) goes in `metadata`." });

export const experimentRunsSchema = z
  .strictObject({
    runs: z
      .array(
        z.strictObject({
          itemId: id,
          traceId: z
            .string(expected("must be a string"))
            .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
            .transform((v) => v.toLowerCase()),
          error: z.string({ message: "must be a string" }).max(2000, "must be at most 2000 characters").nullish(),
          scores: z
            .array(runScoreSchema, { message: "must be a list of { name, value?, label?, comment? }" })
            .max(50, "must hold at most 50 scores")
            .optional(),
        }),
        { message: "must be a list of { itemId, traceId, error?, scores? }" },
      )
      .min(1, "must name at least one run")
      .max(MAX_RUNS_PER_REQUEST, `must name at most ${MAX_RUNS_PER_REQUEST} runs per request`)
      .refine((runs) => new Set(runs.map((r) => r.itemId)).size === runs.length, "must name each item once"),
  })
  .meta({
    id: "ExperimentRuns",
    description: "The trace of each item's run and the scores the SDK's evaluators gave it; a run posted again for the same item replaces it.",
  });
export type ExperimentRunsInput = z.infer<typeof experimentRunsSchema>["runs"];

export const EXPERIMENT_LIST_PARAMS = { datasetId: id } as const;
export const EXPERIMENT_COMPARE_PARAMS = { a: id, b: id } as const;
