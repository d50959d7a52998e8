// Cost of one LLM or embedding call from a price book. Pure: safe anywhere.
import type { CostSource, Kind } from "@/lib/trace/types";
import builtIn from "./prices.json";
import { matchModelKey } from "./match";

export type ModelPrice = {
  provider: string | null;
  /** USD per million tokens. */
  input: number;
  output: number;
  cacheRead: number | null;
  cacheWrite: number | null;
};

export type PriceBook = {
  prices: ReadonlyMap<string, ModelPrice>;
  /** Models whose price comes from the project's overrides rather than the built-in table. */
  overridden: ReadonlySet<string>;
  lookup(model: string): { key: string; price: ModelPrice } | null;
};

export const BUILT_IN_PRICES: ReadonlyMap<string, ModelPrice> = new Map(
  Object.entries(builtIn.models).map(([key, p]) => [key, { ...p, provider: p.provider ?? null }]),
);

/** The built-in table with user overrides (and additions) on top. */
export function buildPriceBook(overrides: ReadonlyMap<string, ModelPrice> = new Map()): PriceBook {
  const prices = new Map([...BUILT_IN_PRICES, ...overrides]);
  const cache = new Map<string, { key: string; price: ModelPrice } | null>();
  return {
    prices,
    overridden: new Set(overrides.keys()),
    lookup(model) {
      if (!cache.has(model)) {
        const key = matchModelKey(model, (k) => prices.has(k));
        cache.set(model, key ? { key, price: prices.get(key)! } : null);
      }
      return cache.get(model)!;
    },
  };
}

type Tokens = { inputTokens: number | null; outputTokens: number | null; cacheReadTokens: number | null; cacheWriteTokens: number | null };

/**
 * Computed cost of an llm/embedding span. Unknown model or no token counts → null (shown as unpriced,
 * never as 0). inputTokens includes the cached parts, which are billed at their own rates.
 */
export function computeCost(book: PriceBook, model: string | null, kind: Kind, tokens: Tokens): { costUsd: number | null; costSource: CostSource | null } {
  const none = { costUsd: null, costSource: null };
  if ((kind !== "llm" && kind !== "embedding") || !model) return none;
  if (tokens.inputTokens === null && tokens.outputTokens === null) return none;
  const match = book.lookup(model);
  if (!match) return none;
  const { price } = match;
  const cacheRead = tokens.cacheReadTokens ?? 0;
  const cacheWrite = tokens.cacheWriteTokens ?? 0;
  const uncached = Math.max(0, (tokens.inputTokens ?? 0) - cacheRead - cacheWrite);
  const micro =
    uncached * price.input +
    cacheRead * (price.cacheRead ?? price.input) +
    cacheWrite * (price.cacheWrite ?? price.input) +
    (tokens.outputTokens ?? 0) * price.output;
  return { costUsd: micro / 1_000_000, costSource: "computed" };
}
