// The project's loop threshold as PATCH /api/v1/projects/{slug} (a JSON number) and the settings form (a
// text field) take it. Pure.
import { z } from "zod";
import { MAX_LOOP_THRESHOLD, MIN_LOOP_THRESHOLD } from "./loop-threshold-limits";

export const loopThresholdSchema = z
  .number({ message: "must be a whole number" })
  .int("must be a whole number")
  .min(MIN_LOOP_THRESHOLD, `must be at least ${MIN_LOOP_THRESHOLD}`)
  .max(MAX_LOOP_THRESHOLD, `must be at most ${MAX_LOOP_THRESHOLD}`);

/** The form field: text, refused when empty rather than read as 0. */
export const loopThresholdFieldSchema = z.string().trim().min(1, "is required").transform(Number).pipe(loopThresholdSchema);
