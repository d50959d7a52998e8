// setFastGzipDefault: the zlib module object that Next's compression middleware requires must hand out
// level-1 gzip streams by default, keep a level the caller asks for, and patch only once.
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync, gzipSync, type Gzip, type ZlibOptions } from "node:zlib";
import { describe, expect, it } from "vitest";
import { setFastGzipDefault } from "@/lib/server/fast-gzip";

const zlib = createRequire(path.join(process.cwd(), "package.json"))("node:zlib") as { createGzip(options?: ZlibOptions): Gzip };
const text = JSON.stringify(
  Array.from({ length: 3000 }, (_, i) => ({ bucketStart: new Date(i * 3_600_000).toISOString(), group: `session-${i % 97}`, costUsd: i / 7 })),
);

function gzipThroughStream(options?: ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = zlib.createGzip(options);
    stream
      .on("data", (chunk: Buffer) => chunks.push(chunk))
      .on("end", () => resolve(Buffer.concat(chunks)))
      .on("error", reject);
    stream.end(text);
  });
}

describe("setFastGzipDefault", () => {
  it("makes level 1 the default of createGzip, keeps an explicit level, and patches once", async () => {
    const before = await gzipThroughStream();
    expect(before.length).toBe(gzipSync(text).length); // zlib's default (6) until patched
    expect(setFastGzipDefault()).toBe(true);
    expect(setFastGzipDefault()).toBe(true);
    const fast = await gzipThroughStream();
    expect(fast.length).toBe(gzipSync(text, { level: 1 }).length);
    expect(fast.length).toBeGreaterThan(before.length);
    expect(gunzipSync(fast).toString()).toBe(text);
    expect((await gzipThroughStream({ level: 9 })).length).toBe(gzipSync(text, { level: 9 }).length);
  });
});
