// Query parameters of the export endpoints (read by the OpenAPI document too).
import { z } from "zod";

export const TRACE_EXPORT_FORMATS = ["otlp-json", "json"] as const;
export const LIST_EXPORT_FORMATS = ["jsonl", "csv"] as const;

export const traceExportFormat = z.enum(TRACE_EXPORT_FORMATS, { message: "must be otlp-json or json" });
export const listExportFormat = z.enum(LIST_EXPORT_FORMATS, { message: "must be jsonl or csv" });
