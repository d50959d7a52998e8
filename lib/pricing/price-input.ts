// What the price API and the Settings form accept: a price-table key and a price per million tokens.
// Pure, so the OpenAPI document and the client-side form read the same schemas as the server.
import { z } from "zod";

const usd = z.number({ message: "must be a number (USD per million tokens)" }).finite().min(0, "must be 0 or more").max(10_000, "must be at most 10000");

export const priceInputSchema = z.strictObject({
  provider: z.string().trim().min(1).max(100).nullish(),
  inputPerMTokUsd: usd,
  outputPerMTokUsd: usd,
  cacheReadPerMTokUsd: usd.nullish(),
  cacheWritePerMTokUsd: usd.nullish(),
});
export type PriceInput = z.infer<typeof priceInputSchema>;

/** Price-table keys are lower-case model names without snapshot suffixes, e.g. `gpt-4o`. */
export const modelKeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._:@-]{0,199}$/, "must be a model name such as gpt-4o");
