// Bodies of the retro endpoints (read by the OpenAPI document too).
import { z } from "zod";

export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;
export const RETRO_STATUSES = ["open", "closed"] as const;
export const MAX_RETRO_TRACES = 100;

const title = z.string({ message: "must be a string" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const summary = z.string({ message: "must be a string" }).max(20_000, "must be at most 20,000 characters");
const severity = z.enum(SEVERITIES, { message: "must be sev1, sev2, sev3 or sev4" });
const traceId = z
  .string({ message: "must be a trace id" })
  .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
  .transform((v) => v.toLowerCase());

export const newRetroSchema = z
  .object({
    title,
    severity,
    summary: summary.optional(),
    traceIds: z.array(traceId, { message: "must be an array of trace ids" }).max(MAX_RETRO_TRACES, `at most ${MAX_RETRO_TRACES} traces`).default([]),
    alertIncidentId: z.string({ message: "must be an incident id" }).min(1).max(100).optional(),
  })
  .strict();

export const retroPatchSchema = z
  .object({
    title: title.optional(),
    severity: severity.optional(),
    summary: summary.optional(),
    status: z.enum(RETRO_STATUSES, { message: "must be open or closed" }).optional(),
    addTraceIds: z.array(traceId).max(MAX_RETRO_TRACES).optional(),
    removeTraceIds: z.array(traceId).max(MAX_RETRO_TRACES).optional(),
  })
  .strict();
