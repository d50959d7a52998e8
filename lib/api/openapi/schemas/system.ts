// Response schemas of prices, health and the OTLP receiver's JSON answers.
import { z } from "zod";
import { priceInputSchema } from "@/lib/pricing/price-input";

const perMTok = z.number().meta({ description: "USD per million tokens." });

export const priceEntrySchema = z
  .strictObject({
    model: z.string().meta({ example: "gpt-4o" }),
    provider: z.string().nullable(),
    inputPerMTokUsd: perMTok,
    outputPerMTokUsd: perMTok,
    cacheReadPerMTokUsd: perMTok.nullable(),
    cacheWritePerMTokUsd: perMTok.nullable(),
    source: z.enum(["built-in", "override"]),
  })
  .meta({ id: "Price" });

export const priceListSchema = z.strictObject({ data: z.array(priceEntrySchema) }).meta({ id: "PriceList" });

const recomputedSpans = z.int().meta({ description: "Stored spans whose cost changed." });

export const priceSetSchema = z
  .strictObject({ model: z.string(), ...priceInputSchema.shape, recomputedSpans })
  .meta({ id: "PriceSet", description: "The override as stored, and how many stored spans were repriced." });

export const priceResetSchema = z.strictObject({ model: z.string(), recomputedSpans }).meta({ id: "PriceReset" });

export const healthSchema = z
  .strictObject({
    status: z.literal("ok"),
    database: z.enum(["sqlite", "postgres"]),
    ingestWorkers: z.int().meta({ description: "Worker threads that parse and normalise OTLP bodies (0: in the request thread)." }),
    writerThread: z.boolean().meta({ description: "SQLite: ingest commits run in a writer thread of their own." }),
  })
  .meta({ id: "Health" });

export const unavailableSchema = z
  .strictObject({ status: z.literal("unavailable") })
  .meta({ id: "Unavailable", description: "No details: the reason goes to the server log." });

/** google.rpc.Status as OTLP/HTTP answers errors to JSON requests (protobuf requests get its protobuf encoding). */
export const otlpStatusSchema = z
  .strictObject({
    code: z.int().meta({ description: "google.rpc.Code: 3 invalid argument, 16 unauthenticated, 7 permission denied, 8 resource exhausted, 14 unavailable." }),
    message: z.string().meta({ description: "What was wrong." }),
  })
  .meta({ id: "OtlpStatus" });

export const otlpTraceAnswerSchema = z
  .strictObject({
    partialSuccess: z
      .strictObject({ rejectedSpans: z.int(), errorMessage: z.string() })
      .optional()
      .meta({ description: "Present when some spans were rejected (bad ids); the others are stored." }),
  })
  .meta({ id: "ExportTraceServiceResponse" });

export const otlpLogsAnswerSchema = z
  .strictObject({ partialSuccess: z.strictObject({ rejectedLogRecords: z.int(), errorMessage: z.string() }).optional() })
  .meta({ id: "ExportLogsServiceResponse" });

export const authErrorSchema = z
  .looseObject({ code: z.string().meta({ example: "INVALID_EMAIL_OR_PASSWORD" }), message: z.string() })
  .meta({ id: "AuthError", description: "Better Auth's error answer." });
