import { describe, expect, it } from "vitest";
import { buildHref, firstParam, toUrlSearchParams } from "@/lib/trace/url-state";

describe("buildHref", () => {
  it.each([
    { current: {}, changes: {}, keep: undefined, expected: "/traces" },
    { current: { q: "x", cursor: "c" }, changes: { cursor: null }, keep: undefined, expected: "/traces?q=x" },
    { current: { q: "x" }, changes: { status: "error" }, keep: undefined, expected: "/traces?q=x&status=error" },
    { current: { q: "x", range: "1h" }, changes: {}, keep: ["range"], expected: "/traces?range=1h" },
    { current: { q: ["a", "b"] }, changes: { name: "" }, keep: undefined, expected: "/traces?q=a" },
    { current: { q: "a b&c" }, changes: {}, keep: undefined, expected: "/traces?q=a+b%26c" },
  ])("$current + $changes", ({ current, changes, keep, expected }) => {
    expect(buildHref("/traces", current, changes, keep)).toBe(expected);
  });

  it("accepts URLSearchParams", () => {
    expect(buildHref("/s", new URLSearchParams("a=1&b=2"), { b: "3" })).toBe("/s?a=1&b=3");
  });
});

describe("firstParam / toUrlSearchParams", () => {
  it("takes the first of repeated values and drops empty ones", () => {
    expect(firstParam({ a: ["1", "2"] }, "a")).toBe("1");
    expect(toUrlSearchParams({ b: "", a: "x", c: undefined }).toString()).toBe("a=x");
  });
});
