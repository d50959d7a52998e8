// computeCost / buildPriceBook: exact figures from prices.json, cache rates, overrides.
import { describe, expect, it } from "vitest";
import prices from "@/lib/pricing/prices.json";
import { BUILT_IN_PRICES, buildPriceBook, computeCost, type ModelPrice } from "@/lib/pricing/compute";
import type { Kind } from "@/lib/trace/types";

const DIGITS = 15;
const book = buildPriceBook();
const tokens = (inputTokens: number | null, outputTokens: number | null, cacheReadTokens: number | null = null, cacheWriteTokens: number | null = null) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens,
  cacheWriteTokens,
});

describe("built-in table", () => {
  it("holds every prices.json entry with a provider", () => {
    expect(BUILT_IN_PRICES.size).toBe(Object.keys(prices.models).length);
    expect(BUILT_IN_PRICES.get("gpt-4o")).toEqual({ provider: "openai", input: 2.5, output: 10, cacheRead: 1.25, cacheWrite: null });
    expect(BUILT_IN_PRICES.get("claude-3-5-sonnet")).toEqual({ provider: "anthropic", input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 });
  });
});

describe("computeCost", () => {
  it.each<[string, string, ReturnType<typeof tokens>, number]>([
    ["gpt-4o plain", "gpt-4o", tokens(1000, 500), (1000 * 2.5 + 500 * 10) / 1e6],
    ["gpt-4o snapshot, cached input at 1.25", "gpt-4o-2024-08-06", tokens(1000, 500, 400), (600 * 2.5 + 400 * 1.25 + 500 * 10) / 1e6],
    ["gpt-4o-mini", "gpt-4o-mini-2024-07-18", tokens(120, 18, 64), 0.000024],
    ["claude-3-5-sonnet cache read and write", "claude-3-5-sonnet-20241022", tokens(1000, 500, 200, 100), 0.010035],
    ["claude-3-5-haiku on Bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0", tokens(2000, 100, 0, 1000), (1000 * 0.8 + 1000 * 1 + 100 * 4) / 1e6],
    ["no cache-read price: cached input at the input rate", "gpt-4-turbo", tokens(1000, 0, 500), (1000 * 10) / 1e6],
    ["output only", "gpt-4o", tokens(null, 1000), (1000 * 10) / 1e6],
    ["input only (embedding)", "text-embedding-3-small", tokens(9, null), 0.00000018],
    ["cache larger than input never goes negative", "gpt-4o", tokens(100, 0, 150), (150 * 1.25) / 1e6],
    ["one million tokens each", "gemini-2.5-flash", tokens(1_000_000, 1_000_000), 0.3 + 2.5],
  ])("%s", (_label, model, usage, expected) => {
    const result = computeCost(book, model, "llm", usage);
    expect(result.costSource).toBe("computed");
    expect(result.costUsd).toBeCloseTo(expected, DIGITS);
  });

  it("prices embedding spans too", () => {
    expect(computeCost(book, "text-embedding-3-large", "embedding", tokens(1000, null)).costUsd).toBeCloseTo(0.00013, DIGITS);
  });

  it.each<[string, string | null, Kind, ReturnType<typeof tokens>]>([
    ["unknown model", "acme-1", "llm", tokens(10, 10)],
    ["no model", null, "llm", tokens(10, 10)],
    ["no token counts", "gpt-4o", "llm", tokens(null, null)],
    ["tool span", "gpt-4o", "tool", tokens(10, 10)],
    ["agent span", "gpt-4o", "agent", tokens(10, 10)],
    ["chain span (a wrapper repeating usage)", "gpt-4o", "chain", tokens(10, 10)],
    ["other span", "gpt-4o", "other", tokens(10, 10)],
  ])("%s → unpriced (null, never 0)", (_label, model, kind, usage) => {
    expect(computeCost(book, model, kind, usage)).toEqual({ costUsd: null, costSource: null });
  });

  it("prices zero tokens at 0 (known model, counts present)", () => {
    expect(computeCost(book, "gpt-4o", "llm", tokens(0, 0))).toEqual({ costUsd: 0, costSource: "computed" });
  });
});

describe("buildPriceBook overrides", () => {
  const price = (input: number, output: number, cacheRead: number | null = null): ModelPrice => ({
    provider: "custom",
    input,
    output,
    cacheRead,
    cacheWrite: null,
  });

  it("lets an override win over the built-in price", () => {
    const custom = buildPriceBook(new Map([["gpt-4o", price(1, 2)]]));
    expect(computeCost(custom, "gpt-4o-2024-08-06", "llm", tokens(1000, 1000, 500)).costUsd).toBeCloseTo((1000 * 1 + 1000 * 2) / 1e6, DIGITS);
    expect(custom.lookup("gpt-4o")).toEqual({ key: "gpt-4o", price: price(1, 2) });
    expect(book.lookup("gpt-4o")!.price.input).toBe(2.5);
  });

  it("adds models the table does not know, matched with their snapshots and prefixes", () => {
    const custom = buildPriceBook(new Map([["acme-large", price(4, 8)]]));
    expect(computeCost(custom, "acme/acme-large-2026-01-01", "llm", tokens(1000, 100)).costUsd).toBeCloseTo((1000 * 4 + 100 * 8) / 1e6, DIGITS);
    expect(custom.lookup("gpt-4o-mini")!.key).toBe("gpt-4o-mini");
    expect(book.lookup("acme-large")).toBeNull();
  });

  it("can price one snapshot apart from its base model", () => {
    const custom = buildPriceBook(new Map([["gpt-4o-2024-05-13", price(5, 15)]]));
    expect(custom.lookup("gpt-4o-2024-05-13")!.key).toBe("gpt-4o-2024-05-13");
    expect(custom.lookup("gpt-4o-2024-08-06")!.key).toBe("gpt-4o");
  });

  it("exposes built-ins plus overrides in prices", () => {
    const custom = buildPriceBook(new Map([["acme-large", price(4, 8)]]));
    expect(custom.prices.size).toBe(BUILT_IN_PRICES.size + 1);
  });

  it("answers repeated look-ups the same (cached), including misses", () => {
    expect(book.lookup("acme-x")).toBeNull();
    expect(book.lookup("acme-x")).toBeNull();
    expect(book.lookup("openai/gpt-4o")).toBe(book.lookup("openai/gpt-4o"));
  });
});
