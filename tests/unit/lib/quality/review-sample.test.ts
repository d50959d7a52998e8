import { describe, expect, it } from "vitest";
import { drawSample, sampleKey, SeededSample } from "@/lib/quality/review-sample";

const ids = Array.from({ length: 300 }, (_, i) => i.toString(16).padStart(32, "0"));

describe("the seeded draw of a review queue", () => {
  it("is the same whatever order the candidates come in, and differs with the seed", () => {
    const drawn = drawSample("s1", ids, 20);
    expect(drawSample("s1", [...ids].reverse(), 20)).toEqual(drawn);
    expect(drawSample("s2", ids, 20)).not.toEqual(drawn);
  });

  it("is the smallest keys in key order, each run once (duplicates count once)", () => {
    const drawn = drawSample("s1", [...ids, ...ids.slice(0, 50)], 20);
    const expected = [...ids].sort((a, b) => (sampleKey("s1", a) < sampleKey("s1", b) ? -1 : 1)).slice(0, 20);
    expect(drawn).toEqual(expected);
    expect(new Set(drawn).size).toBe(20);
  });

  it("takes every candidate when asked for more than there are", () => {
    const sample = new SeededSample("s1", 1000);
    for (const id of ids) sample.add(id);
    expect([...sample.result()].sort()).toEqual(ids);
  });
});
