// IngestResult → HTTP Response in the request's own encoding (OTLP/HTTP: protobuf or JSON).
import type { IngestResult } from "./receive-otlp";
import { LogsResponse, RpcStatus, TraceResponse } from "@/lib/ingest/parse";

// google.rpc.Code for each HTTP status we answer with.
const RPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 413: 3, 415: 3, 429: 8, 500: 13, 503: 14 };

function encode(format: "protobuf" | "json", json: object, protobuf: () => Uint8Array): { body: BodyInit; type: string } {
  if (format === "json") return { body: JSON.stringify(json), type: "application/json" };
  return { body: Buffer.from(protobuf()), type: "application/x-protobuf" };
}

/** The HTTP answer for an ingest result. */
export function toOtlpResponse(result: IngestResult): Response {
  if (result.kind === "error") {
    const status = { code: RPC_CODE[result.status] ?? 2, message: result.message };
    const { body, type } = encode(result.format, status, () => RpcStatus.encode(RpcStatus.fromObject(status)).finish());
    const headers: Record<string, string> = { "content-type": type };
    if (result.retryAfterSeconds) headers["retry-after"] = String(result.retryAfterSeconds);
    if (result.status === 401) headers["www-authenticate"] = 'Bearer realm="hindsight"';
    return new Response(body, { status: result.status, headers });
  }
  const partial =
    result.rejected > 0
      ? result.signal === "traces"
        ? { rejectedSpans: result.rejected, errorMessage: result.errorMessage }
        : { rejectedLogRecords: result.rejected, errorMessage: result.errorMessage }
      : undefined;
  const type = result.signal === "traces" ? TraceResponse : LogsResponse;
  const json = partial ? { partialSuccess: partial } : {};
  const { body, type: contentType } = encode(result.format, json, () => type.encode(type.fromObject(json)).finish());
  return new Response(body, { status: 200, headers: { "content-type": contentType } });
}
