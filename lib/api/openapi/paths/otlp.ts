// The OTLP/HTTP receiver: traces, logs, and the Langfuse-compatible traces endpoint. Bodies and answers
// are OTLP's own (protobuf or JSON); errors are google.rpc.Status in the request's encoding.
import { z } from "zod";
import { KEY_OR_BASIC, operation, retryAfter, type ApiOperation } from "../operations";
import { otlpLogsAnswerSchema, otlpStatusSchema, otlpTraceAnswerSchema } from "../schemas/system";

const OTLP_SPEC = "https://opentelemetry.io/docs/specs/otlp/#otlphttp";

const requestJson = (field: "resourceSpans" | "resourceLogs", what: string) =>
  z.looseObject({ [field]: z.array(z.looseObject({})) }).meta({
    id: field === "resourceSpans" ? "ExportTraceServiceRequest" : "ExportLogsServiceRequest",
    description: `OTLP/JSON ${what}: hex ids, int64 as string or number, enum ints.`,
  });

const failure = (description: string, headers?: typeof retryAfter) => ({
  description,
  content: { "application/json": { schema: otlpStatusSchema }, "application/x-protobuf": {} },
  ...(headers ? { headers } : {}),
});

function receiver(path: string, signal: "traces" | "logs", summary: string, description: string): ApiOperation {
  const answer = signal === "traces" ? otlpTraceAnswerSchema : otlpLogsAnswerSchema;
  const what = signal === "traces" ? "spans" : "log records";
  return operation({
    method: "post",
    path,
    tags: ["Ingest"],
    summary,
    description,
    externalDocs: { description: "OTLP/HTTP", url: OTLP_SPEC },
    access: "ingest",
    request: {
      headers: z.object({
        "content-encoding": z
          .enum(["gzip", "x-gzip", "deflate", "identity"])
          .optional()
          .meta({ description: "Compressed bodies are counted after decompression." }),
      }),
      body: {
        required: true,
        content: {
          "application/x-protobuf": {},
          "application/json": {
            schema: requestJson(signal === "traces" ? "resourceSpans" : "resourceLogs", `Export${signal === "traces" ? "Trace" : "Logs"}ServiceRequest`),
          },
        },
      },
    },
    responses: {
      200: {
        description: `Answered only once the ${what} are durably committed, in the request's content type; \`partialSuccess\` counts the ones rejected (e.g. bad ids). Re-sent ${what} are stored once.`,
        content: { "application/json": { schema: answer }, "application/x-protobuf": {} },
      },
      400: failure("Undecodable body or wrong shape; nothing from this request is stored."),
      401: failure("Missing, unknown, expired or revoked API key."),
      403: failure("The key lacks the `ingest` scope."),
      413: failure("Body over HINDSIGHT_MAX_BODY_BYTES after decompression."),
      415: failure("Unsupported content type or content encoding."),
      429: failure("The write queue is full: retry later.", retryAfter),
      500: failure("Internal error; nothing from this request was stored."),
      503: failure("The database is unavailable: retry later.", retryAfter),
    },
  });
}

export const otlpOperations: ApiOperation[] = [
  receiver(
    "/v1/traces",
    "traces",
    "Receive spans (OTLP/HTTP)",
    "`OTEL_EXPORTER_OTLP_ENDPOINT=http://host:3000` works with any OpenTelemetry SDK unchanged. Spans may arrive in any order, children before parents, across many requests.",
  ),
  receiver(
    "/v1/logs",
    "logs",
    "Receive log records (OTLP/HTTP)",
    "GenAI log events (`gen_ai.user.message`, `gen_ai.choice`, …) become their span's input and output, whichever arrives first; other records with a span context join that span's events.",
  ),
  {
    ...receiver(
      "/api/public/otel/v1/traces",
      "traces",
      "Receive spans (Langfuse-compatible)",
      "The endpoint a Langfuse OTel SDK posts to: change its host to Hindsight and use the API key as the secret key (HTTP Basic, any user name). Same bodies and answers as `/v1/traces`.",
    ),
    security: KEY_OR_BASIC,
  },
];
