// The body of POST /api/v1/traces/{traceId}/share (read by the OpenAPI document too).
import { z } from "zod";

export const MAX_SHARE_HOURS = 720;

export const newShareSchema = z
  .object({
    expiresInHours: z
      .number({ message: "must be a number of hours" })
      .int("must be a whole number of hours")
      .min(1, "must be at least 1 hour")
      .max(MAX_SHARE_HOURS, `must be at most ${MAX_SHARE_HOURS} hours (30 days)`),
    hideContent: z.boolean({ message: "must be true or false" }).optional(),
  })
  .strict();
