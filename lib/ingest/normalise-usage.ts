// Token usage and reported cost, first non-empty source wins.
// Hindsight's inputTokens always INCLUDE cached input (the OTel convention); cacheRead/cacheWrite are
// parts of it. Sources that count input without the cache are converted here: by the instrumentation's own
// rule when its scope is known (dialects/cache-accounting.ts), else by the generic rule below.
import { firstNumber, parseMaybeJson, toNumber } from "./attribute-lookup";
import type { InputAccounting } from "./dialects/cache-accounting";
import type { OtlpAttributes } from "./otlp-types";

export type Usage = {
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  reportedCostUsd: number | null;
};

const INPUT = [
  "gen_ai.usage.input_tokens",
  "llm.token_count.prompt",
  "ai.usage.inputTokens",
  "ai.usage.promptTokens",
  "gen_ai.usage.prompt_tokens",
  "ai.usage.tokens",
];
const OUTPUT = [
  "gen_ai.usage.output_tokens",
  "llm.token_count.completion",
  "ai.usage.outputTokens",
  "ai.usage.completionTokens",
  "gen_ai.usage.completion_tokens",
];
const CACHE_READ = [
  "gen_ai.usage.cache_read.input_tokens",
  "llm.token_count.prompt_details.cache_read",
  "ai.usage.inputTokenDetails.cacheReadTokens",
  "ai.usage.cachedInputTokens",
  "gen_ai.usage.cache_read_input_tokens",
  "gen_ai.usage.cached_input_tokens",
];
const CACHE_WRITE = [
  "gen_ai.usage.cache_creation.input_tokens",
  "gen_ai.usage.cache_write.input_tokens",
  "llm.token_count.prompt_details.cache_write",
  "ai.usage.inputTokenDetails.cacheWriteTokens",
  "gen_ai.usage.cache_creation_input_tokens",
];
const REASONING = [
  "gen_ai.usage.reasoning.output_tokens",
  "llm.token_count.completion_details.reasoning",
  "ai.usage.outputTokenDetails.reasoningTokens",
  "ai.usage.reasoningTokens",
  "gen_ai.usage.reasoning_tokens",
];
const COST = ["llm.cost.total", "gen_ai.usage.cost"];

type Details = Record<string, number>;

/** Token counts are stored as 32-bit integers: a value that is not a whole number in that range is no count. */
const MAX_TOKENS = 2 ** 31 - 1;
const asTokenCount = (n: number | null) => (n !== null && Number.isInteger(n) && n <= MAX_TOKENS ? n : null);

/** Langfuse `usage_details` / `cost_details`: a JSON object of numbers (or an attribute map already). */
function readDetails(value: unknown): Details | null {
  const parsed = parseMaybeJson(value);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const out: Details = {};
  for (const [key, raw] of Object.entries(parsed)) {
    const n = toNumber(raw);
    if (n !== null) out[key] = n;
  }
  return out;
}

const sumOf = (details: Details, keys: string[]) => keys.reduce((total, key) => total + (details[key] ?? 0), 0);

function langfuseUsage(details: Details): Omit<Usage, "reportedCostUsd"> {
  // Langfuse splits input into `input` plus `input_<detail>` parts (the LangChain handler subtracts them),
  // so the inclusive input is their sum.
  const inputParts = Object.keys(details).filter((key) => key.startsWith("input_"));
  const find = (...keys: string[]) => keys.map((key) => details[key]).find((n) => n !== undefined) ?? null;
  const hasInput = details.input !== undefined || inputParts.length > 0;
  return {
    inputTokens: hasInput ? (details.input ?? 0) + sumOf(details, inputParts) : null,
    outputTokens: details.output ?? null,
    cacheReadTokens: find("input_cache_read", "input_cached_tokens", "input_cached", "cache_read_input_tokens"),
    cacheWriteTokens: find("input_cache_creation", "input_cache_write", "cache_creation_input_tokens"),
    reasoningTokens: find("output_reasoning", "output_reasoning_tokens", "reasoning_tokens"),
  };
}

/** True when the instrumentation counts prompt tokens without the cached part (OpenInference's Anthropic). */
function excludesCache(attrs: OtlpAttributes): boolean {
  if (attrs["llm.token_count.prompt"] === undefined || attrs["gen_ai.usage.input_tokens"] !== undefined) return false;
  const vendor = `${String(attrs["llm.provider"] ?? "")} ${String(attrs["llm.system"] ?? "")}`.toLowerCase();
  return vendor.includes("anthropic");
}

/**
 * Whether the input count leaves the cache out: the instrumentation's known rule when there is one; otherwise
 * OpenInference spans about Anthropic models (the convention of its early Anthropic instrumentations). Either
 * way, cache parts larger than the count prove it leaves them out: an inclusive count holds its parts.
 */
function isExclusive(attrs: OtlpAttributes, usage: Omit<Usage, "reportedCostUsd">, accounting: InputAccounting | null): boolean {
  if ((usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0) > (usage.inputTokens ?? 0)) return true;
  return accounting ? accounting === "exclusive" : excludesCache(attrs);
}

/** Reads tokens and any cost the span reports itself; `accounting` is the instrumentation's known rule, if any. */
export function readUsage(attrs: OtlpAttributes, accounting: InputAccounting | null = null): Usage {
  const costDetails = readDetails(attrs["langfuse.observation.cost_details"]);
  const reportedCostUsd = costDetails
    ? (costDetails.total ?? (Object.keys(costDetails).length ? sumOf(costDetails, Object.keys(costDetails)) : null))
    : firstNumber(attrs, COST);

  let usage: Omit<Usage, "reportedCostUsd"> = {
    inputTokens: firstNumber(attrs, INPUT),
    outputTokens: firstNumber(attrs, OUTPUT),
    cacheReadTokens: firstNumber(attrs, CACHE_READ),
    cacheWriteTokens: firstNumber(attrs, CACHE_WRITE),
    reasoningTokens: firstNumber(attrs, REASONING),
  };
  const usageDetails = readDetails(attrs["langfuse.observation.usage_details"]);
  if (usage.inputTokens === null && usage.outputTokens === null && usageDetails) usage = langfuseUsage(usageDetails);
  else if (usage.inputTokens !== null && isExclusive(attrs, usage, accounting)) {
    usage.inputTokens += (usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0);
  }
  return {
    inputTokens: asTokenCount(usage.inputTokens),
    outputTokens: asTokenCount(usage.outputTokens),
    cacheReadTokens: asTokenCount(usage.cacheReadTokens),
    cacheWriteTokens: asTokenCount(usage.cacheWriteTokens),
    reasoningTokens: asTokenCount(usage.reasoningTokens),
    reportedCostUsd,
  };
}

/** Whether the span carries any usage or cost (used to avoid counting wrapper spans twice). */
export const hasUsage = (u: Usage) => u.inputTokens !== null || u.outputTokens !== null || u.reportedCostUsd !== null;
