// dataResponse: a large answer streamed in chunks must be the very JSON a single Response.json gives.
import { describe, expect, it } from "vitest";
import { dataResponse } from "@/lib/api/json-stream";

const points = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ bucketStart: new Date(i * 60_000).toISOString(), group: `g"${i % 7}\n`, count: i, p50Ms: i / 3 }));

describe("dataResponse", () => {
  it.each([0, 1, 8_000, 8_001, 16_000, 20_001])("answers %i items with the bytes of Response.json", async (n) => {
    const items = points(n);
    const response = dataResponse(items);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text).toBe(JSON.stringify({ data: items }));
  });

  it("streams a large answer in more than one chunk", async () => {
    const reader = dataResponse(points(20_000)).body!.getReader();
    let chunks = 0;
    while (!(await reader.read()).done) chunks++;
    expect(chunks).toBe(3);
  });
});
