// Property-based fuzzing of decodeBody (content type, encoding, size limit, gzip and deflate): any body
// under any headers ends as bytes or as a 400/413/415 with a message, never an exception.
import { deflateSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBody } from "@/lib/ingest/decode";
import { FUZZ_SEED } from "./support/otlp-fuzz";

const LIMIT = 4096;

const payload = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.integer({ min: 0, max: 3 * LIMIT }).map((n) => new Uint8Array(n).fill(0x20)),
);
const body = fc.record({
  payload,
  wrap: fc.constantFrom("none", "gzip", "deflate", "gzip-truncated", "gzip-twice"),
  contentType: fc.constantFrom(
    "application/json",
    "application/x-protobuf",
    "application/protobuf; charset=x",
    "APPLICATION/JSON",
    "text/plain",
    "",
    "application/json;",
    ";",
  ),
  contentEncoding: fc.constantFrom(undefined, "gzip", "x-gzip", "deflate", "identity", " GZIP ", "br", "gzip, deflate", ""),
  contentLength: fc.constantFrom(undefined, "0", "-1", "abc", "99999999999999999999", "1e3"),
});

function encode(payload: Uint8Array, wrap: string): Uint8Array {
  if (wrap === "gzip") return gzipSync(payload);
  if (wrap === "deflate") return deflateSync(payload);
  if (wrap === "gzip-truncated") return gzipSync(payload).subarray(0, Math.max(1, gzipSync(payload).length - 5));
  if (wrap === "gzip-twice") return gzipSync(gzipSync(payload));
  return payload;
}

describe("decodeBody on generated bodies and headers", () => {
  it("returns bytes within the limit or a 400/413/415 with a message, and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(body, async ({ payload, wrap, contentType, contentEncoding, contentLength }) => {
        const headers: Record<string, string> = { "content-type": contentType };
        if (contentEncoding !== undefined) headers["content-encoding"] = contentEncoding;
        if (contentLength !== undefined) headers["content-length"] = contentLength;
        const bytes = encode(payload, wrap);
        const request = new Request("http://localhost/v1/traces", { method: "POST", body: new Uint8Array(bytes), headers });
        const result = await decodeBody(request, LIMIT);
        if (result.ok) expect(result.bytes.byteLength).toBeLessThanOrEqual(LIMIT);
        else {
          expect([400, 413, 415]).toContain(result.status);
          expect(result.message).toEqual(expect.any(String));
        }
      }),
      { seed: FUZZ_SEED + 2, numRuns: 1500 },
    );
  }, 120_000);
});
