// decodeBody / bodyFormatOf: content types, encodings and the size limit after decompression.
import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bodyFormatOf, decodeBody } from "@/lib/ingest/decode";

const URL = "http://localhost/v1/traces";
const LIMIT = 64 * 1024;
const post = (body: Uint8Array | string | null, headers: Record<string, string>) =>
  new Request(URL, { method: "POST", body: body instanceof Uint8Array ? new Uint8Array(body) : body, headers });
const json = JSON.stringify({ resourceSpans: [] });
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("bodyFormatOf", () => {
  it.each<[string | null, "protobuf" | "json" | null]>([
    ["application/x-protobuf", "protobuf"],
    ["application/protobuf", "protobuf"],
    ["application/json", "json"],
    ["application/json; charset=utf-8", "json"],
    ["Application/JSON", "json"],
    [" application/x-protobuf ;x=y", "protobuf"],
    ["text/plain", null],
    ["application/jsonl", null],
    ["", null],
    [null, null],
  ])("%j → %j", (contentType, expected) => {
    expect(bodyFormatOf(contentType)).toBe(expected);
  });
});

describe("decodeBody", () => {
  it.each<[string, string, "protobuf" | "json"]>([
    ["JSON", "application/json", "json"],
    ["protobuf", "application/x-protobuf", "protobuf"],
  ])("passes a plain %s body through", async (_label, contentType, format) => {
    const result = await decodeBody(post(json, { "content-type": contentType }), LIMIT);
    expect(result.ok && [text(result.bytes), result.format]).toEqual([json, format]);
  });

  it.each<[string, Record<string, string>, string]>([
    ["text/plain", { "content-type": "text/plain" }, 'unsupported content type "text/plain": send application/x-protobuf or application/json'],
    ["no content type", {}, 'unsupported content type "": send application/x-protobuf or application/json'],
    [
      "form data",
      { "content-type": "application/x-www-form-urlencoded" },
      'unsupported content type "application/x-www-form-urlencoded": send application/x-protobuf or application/json',
    ],
    ["brotli", { "content-type": "application/json", "content-encoding": "br" }, 'unsupported content encoding "br": send gzip or no encoding'],
  ])("answers 415 for %s", async (_label, headers, message) => {
    const request = new Request(URL, { method: "POST", body: new Uint8Array([1]), headers });
    if (!headers["content-type"]) request.headers.delete("content-type");
    expect(await decodeBody(request, LIMIT)).toEqual({ ok: false, status: 415, message });
  });

  it.each<[string, Uint8Array]>([
    ["gzip", gzipSync(json)],
    ["x-gzip", gzipSync(json)],
    ["GZIP", gzipSync(json)],
    ["deflate", deflateSync(json)],
    ["identity", Buffer.from(json)],
  ])("decodes Content-Encoding: %s", async (encoding, body) => {
    const result = await decodeBody(post(body, { "content-type": "application/json", "content-encoding": encoding }), LIMIT);
    expect(result.ok && text(result.bytes)).toBe(json);
  });

  it("accepts a body of exactly the limit", async () => {
    const body = Buffer.alloc(LIMIT, 0x20);
    const result = await decodeBody(post(gzipSync(body), { "content-type": "application/json", "content-encoding": "gzip" }), LIMIT);
    expect(result.ok && result.bytes.byteLength).toBe(LIMIT);
  });

  const tooLarge = { ok: false, status: 413, message: `body exceeds ${LIMIT} bytes (HINDSIGHT_MAX_BODY_BYTES) after decompression` };

  it("answers 413 for a gzip bomb (small on the wire, huge decompressed)", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.byteLength).toBeLessThan(LIMIT);
    expect(await decodeBody(post(bomb, { "content-type": "application/x-protobuf", "content-encoding": "gzip" }), LIMIT)).toEqual(tooLarge);
  });

  it("answers 413 for a deflate bomb", async () => {
    const bomb = deflateSync(Buffer.alloc(LIMIT + 1));
    expect(await decodeBody(post(bomb, { "content-type": "application/json", "content-encoding": "deflate" }), LIMIT)).toEqual(tooLarge);
  });

  it("answers 413 for a plain body over the limit", async () => {
    expect(await decodeBody(post(Buffer.alloc(LIMIT + 1), { "content-type": "application/json" }), LIMIT)).toEqual(tooLarge);
  });

  it("answers 413 from Content-Length alone, before reading", async () => {
    const request = post("{}", { "content-type": "application/json", "content-length": String(LIMIT + 1) });
    expect(await decodeBody(request, LIMIT)).toEqual(tooLarge);
  });

  it("answers 413 from a stream that grows past the limit", async () => {
    const chunk = new Uint8Array(16 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > LIMIT * 4) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(URL, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(await decodeBody(request, LIMIT)).toEqual(tooLarge);
    expect(sent).toBeLessThan(LIMIT * 2);
  });

  it.each<[string, Uint8Array]>([
    ["gzip", Buffer.from("definitely not gzip")],
    ["deflate", Buffer.from("definitely not deflate")],
    ["gzip", gzipSync(json).subarray(0, 12)],
  ])("answers 400 for invalid %s data", async (encoding, body) => {
    const result = await decodeBody(post(body, { "content-type": "application/json", "content-encoding": encoding }), LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(400);
      expect(result.message).toMatch(new RegExp(`^body is not valid ${encoding} data: .+`));
    }
  });

  it("reads an empty body as no bytes", async () => {
    const result = await decodeBody(post(null, { "content-type": "application/json" }), LIMIT);
    expect(result.ok && result.bytes.byteLength).toBe(0);
  });
});
