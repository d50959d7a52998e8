// HTTP body → bytes + format. Enforces the size limit on the decompressed body (gzip bombs included)
// and tells unsupported content types and encodings apart (415) from broken bodies (400).
import { gunzipSync, inflateSync } from "node:zlib";
import type { BodyFormat } from "./parse";

export type DecodedBody = { ok: true; bytes: Uint8Array; format: BodyFormat } | { ok: false; status: 400 | 413 | 415; message: string };

/** The response format follows the request's content type; unknown types answer in JSON. */
export function bodyFormatOf(contentType: string | null): BodyFormat | null {
  const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (media === "application/x-protobuf" || media === "application/protobuf") return "protobuf";
  if (media === "application/json") return "json";
  return null;
}

async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Reads and decompresses an OTLP request body. */
export async function decodeBody(request: Request, maxBytes: number): Promise<DecodedBody> {
  const format = bodyFormatOf(request.headers.get("content-type"));
  if (!format) {
    return {
      ok: false,
      status: 415,
      message: `unsupported content type "${request.headers.get("content-type") ?? ""}": send application/x-protobuf or application/json`,
    };
  }
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (!["identity", "gzip", "x-gzip", "deflate"].includes(encoding)) {
    return { ok: false, status: 415, message: `unsupported content encoding "${encoding}": send gzip or no encoding` };
  }
  const tooLarge = { ok: false, status: 413, message: `body exceeds ${maxBytes} bytes (HINDSIGHT_MAX_BODY_BYTES) after decompression` } as const;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge;
  const raw = await readLimited(request.body, maxBytes);
  if (!raw) return tooLarge;
  if (encoding === "identity") return { ok: true, bytes: raw, format };
  try {
    const inflate = encoding === "deflate" ? inflateSync : gunzipSync;
    return { ok: true, bytes: inflate(raw, { maxOutputLength: maxBytes }), format };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return tooLarge;
    return { ok: false, status: 400, message: `body is not valid ${encoding} data: ${(error as Error).message}` };
  }
}
