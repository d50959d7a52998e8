// Bodies and parameters of the deletion endpoints (DELETE /api/v1/traces/{traceId}, POST and GET
// /api/v1/deletions), shared by the routes and the OpenAPI document.
import { z } from "zod";

export const deletionRequestSchema = z.strictObject({
  userId: z
    .string({ message: "must be the end user's id (a string)" })
    .max(1000, "must be at most 1000 characters")
    .refine((v) => v.trim() !== "", "must not be empty"),
});

/** Deletion request ids are UUIDs; anything else cannot name one. */
export const deletionIdSchema = z.uuid({ message: "must be a deletion id as returned by POST /api/v1/deletions" });
