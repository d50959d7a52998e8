// Answers of the data lifecycle endpoints (deletions).
import { z } from "zod";

export const deletionCreatedSchema = z
  .strictObject({ id: z.string().meta({ description: "Follow it with GET /api/v1/deletions/{id}." }) })
  .meta({ id: "DeletionCreated" });

export const deletionStatusSchema = z
  .strictObject({
    id: z.string(),
    status: z.enum(["pending", "running", "done", "failed"]).meta({ description: "`done` once no trace of the user is left." }),
    traces: z.int().meta({ description: "Traces deleted so far." }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "DeletionStatus" });
