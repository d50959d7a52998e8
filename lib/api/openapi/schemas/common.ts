// Building blocks of the response schemas: times, free-form JSON, nullable references, the error answer.
// Schemas with a `meta({ id })` become named components of the OpenAPI document.
import { z } from "zod";

/** An ISO 8601 time with milliseconds, in UTC. */
export const isoTime = z.iso.datetime({ offset: true }).meta({ example: "2026-11-21T10:00:00.000Z" });

/** Any JSON value, null included; always present. */
export const anyJson = z.unknown().refine((value): boolean => value !== undefined, "is required");

/** A JSON object of values as sent (attributes). */
export const jsonObject = z.record(z.string(), z.unknown());

/** `schema` or null, keeping a named schema a reference (`nullable()` would inline it). */
export const orNull = <S extends z.ZodType>(schema: S) => z.union([schema, z.null()]);

export const errorSchema = z
  .strictObject({
    error: z.string().meta({ description: "What was wrong, for people.", example: "limit: must be at most 500" }),
    parameter: z
      .string()
      .optional()
      .meta({ description: "The query parameter, path parameter or body field that was wrong (`body` for the body as a whole)." }),
  })
  .meta({ id: "Error", description: "Every JSON error answer of the API." });

/** An answer that says only that something was deleted. */
export const deletedSchema = z.strictObject({ id: z.string(), deleted: z.literal(true) }).meta({ id: "Deleted" });
