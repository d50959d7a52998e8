// readUsage / hasUsage: token sources and the cached-input conversion docs/frameworks.md describes.
import { describe, expect, it } from "vitest";
import { hasUsage, readUsage } from "@/lib/ingest/normalise-usage";
import type { OtlpAttributes } from "@/lib/ingest/otlp-types";

type Field = "inputTokens" | "outputTokens" | "cacheReadTokens" | "cacheWriteTokens" | "reasoningTokens" | "reportedCostUsd";

describe("readUsage: one source at a time", () => {
  it.each<[Field, string, OtlpAttributes, number | null]>([
    ["inputTokens", "gen_ai.usage.input_tokens", { "gen_ai.usage.input_tokens": 11 }, 11],
    ["inputTokens", "llm.token_count.prompt", { "llm.token_count.prompt": 12 }, 12],
    ["inputTokens", "ai.usage.inputTokens", { "ai.usage.inputTokens": 13 }, 13],
    ["inputTokens", "ai.usage.promptTokens (ai 4)", { "ai.usage.promptTokens": 14 }, 14],
    ["inputTokens", "gen_ai.usage.prompt_tokens (deprecated)", { "gen_ai.usage.prompt_tokens": 15 }, 15],
    ["inputTokens", "ai.usage.tokens (Vercel embeddings)", { "ai.usage.tokens": 16 }, 16],
    ["inputTokens", "numeric string", { "gen_ai.usage.input_tokens": "17" }, 17],
    ["inputTokens", "negative value skipped", { "gen_ai.usage.input_tokens": -1, "llm.token_count.prompt": 18 }, 18],
    ["inputTokens", "non-numeric text skipped", { "gen_ai.usage.input_tokens": "many" }, null],
    ["inputTokens", "first source wins", { "llm.token_count.prompt": 2, "gen_ai.usage.input_tokens": 1, "ai.usage.inputTokens": 3 }, 1],
    ["outputTokens", "gen_ai.usage.output_tokens", { "gen_ai.usage.output_tokens": 21 }, 21],
    ["outputTokens", "llm.token_count.completion", { "llm.token_count.completion": 22 }, 22],
    ["outputTokens", "ai.usage.outputTokens", { "ai.usage.outputTokens": 23 }, 23],
    ["outputTokens", "ai.usage.completionTokens", { "ai.usage.completionTokens": 24 }, 24],
    ["outputTokens", "gen_ai.usage.completion_tokens", { "gen_ai.usage.completion_tokens": 25 }, 25],
    ["outputTokens", "none", {}, null],
    ["cacheReadTokens", "gen_ai.usage.cache_read.input_tokens", { "gen_ai.usage.cache_read.input_tokens": 31 }, 31],
    ["cacheReadTokens", "llm.token_count.prompt_details.cache_read", { "llm.token_count.prompt_details.cache_read": 32 }, 32],
    ["cacheReadTokens", "ai.usage.inputTokenDetails.cacheReadTokens", { "ai.usage.inputTokenDetails.cacheReadTokens": 33 }, 33],
    ["cacheReadTokens", "ai.usage.cachedInputTokens", { "ai.usage.cachedInputTokens": 34 }, 34],
    ["cacheReadTokens", "gen_ai.usage.cache_read_input_tokens (OpenLLMetry)", { "gen_ai.usage.cache_read_input_tokens": 35 }, 35],
    ["cacheWriteTokens", "gen_ai.usage.cache_creation.input_tokens", { "gen_ai.usage.cache_creation.input_tokens": 41 }, 41],
    ["cacheWriteTokens", "llm.token_count.prompt_details.cache_write", { "llm.token_count.prompt_details.cache_write": 42 }, 42],
    ["cacheWriteTokens", "ai.usage.inputTokenDetails.cacheWriteTokens", { "ai.usage.inputTokenDetails.cacheWriteTokens": 43 }, 43],
    ["cacheWriteTokens", "gen_ai.usage.cache_creation_input_tokens", { "gen_ai.usage.cache_creation_input_tokens": 44 }, 44],
    ["reasoningTokens", "gen_ai.usage.reasoning.output_tokens", { "gen_ai.usage.reasoning.output_tokens": 51 }, 51],
    ["reasoningTokens", "llm.token_count.completion_details.reasoning", { "llm.token_count.completion_details.reasoning": 52 }, 52],
    ["reasoningTokens", "ai.usage.outputTokenDetails.reasoningTokens", { "ai.usage.outputTokenDetails.reasoningTokens": 53 }, 53],
    ["reasoningTokens", "ai.usage.reasoningTokens", { "ai.usage.reasoningTokens": 54 }, 54],
    ["reasoningTokens", "gen_ai.usage.reasoning_tokens", { "gen_ai.usage.reasoning_tokens": 55 }, 55],
    ["reportedCostUsd", "llm.cost.total", { "llm.cost.total": 0.5 }, 0.5],
    ["reportedCostUsd", "gen_ai.usage.cost", { "gen_ai.usage.cost": 0.25 }, 0.25],
    ["reportedCostUsd", "llm.cost.total before gen_ai.usage.cost", { "gen_ai.usage.cost": 0.25, "llm.cost.total": 0.5 }, 0.5],
    ["reportedCostUsd", "langfuse cost_details total", { "langfuse.observation.cost_details": '{"input":0.1,"output":0.2,"total":0.4}' }, 0.4],
    ["reportedCostUsd", "langfuse cost_details without total: the sum", { "langfuse.observation.cost_details": '{"input":0.5,"output":0.25}' }, 0.75],
    ["reportedCostUsd", "langfuse cost_details as a map", { "langfuse.observation.cost_details": { total: 0.125 } }, 0.125],
    ["reportedCostUsd", "langfuse cost_details before llm.cost.total", { "langfuse.observation.cost_details": '{"total":1}', "llm.cost.total": 2 }, 1],
    ["reportedCostUsd", "none", { "gen_ai.usage.input_tokens": 5 }, null],
  ])("%s from %s", (field, _label, attrs, expected) => {
    expect(readUsage(attrs)[field]).toBe(expected);
  });
});

describe("readUsage: Langfuse usage_details", () => {
  it.each<[string, OtlpAttributes, Partial<Record<Field, number | null>>]>([
    ["input and output", { "langfuse.observation.usage_details": '{"input":410,"output":96}' }, { inputTokens: 410, outputTokens: 96, cacheReadTokens: null }],
    [
      "input excludes input_cached_tokens: added back",
      { "langfuse.observation.usage_details": '{"input":176,"input_cached_tokens":1024,"output":24}' },
      { inputTokens: 1200, outputTokens: 24, cacheReadTokens: 1024 },
    ],
    [
      "cache read and write parts",
      { "langfuse.observation.usage_details": '{"input":10,"input_cache_read":5,"input_cache_creation":3,"output":1,"output_reasoning":7}' },
      { inputTokens: 18, cacheReadTokens: 5, cacheWriteTokens: 3, outputTokens: 1, reasoningTokens: 7 },
    ],
    ["only parts, no plain input", { "langfuse.observation.usage_details": '{"input_cached_tokens":8}' }, { inputTokens: 8, cacheReadTokens: 8 }],
    ["output only", { "langfuse.observation.usage_details": '{"output":5}' }, { inputTokens: null, outputTokens: 5 }],
    ["already a map, numeric strings", { "langfuse.observation.usage_details": { input: "7", output: 2 } }, { inputTokens: 7, outputTokens: 2 }],
    ["not JSON: ignored", { "langfuse.observation.usage_details": "lots" }, { inputTokens: null, outputTokens: null }],
    [
      "GenAI attributes take precedence",
      { "langfuse.observation.usage_details": '{"input":1,"output":1}', "gen_ai.usage.input_tokens": 50 },
      { inputTokens: 50, outputTokens: null },
    ],
  ])("%s", (_label, attrs, expected) => {
    expect(readUsage(attrs)).toMatchObject(expected);
  });
});

describe("readUsage: cache semantics (inputTokens always includes cache)", () => {
  const anthropic = {
    "llm.token_count.prompt": 100,
    "llm.token_count.completion": 9,
    "llm.token_count.prompt_details.cache_read": 50,
    "llm.token_count.prompt_details.cache_write": 20,
  };
  it.each<[string, OtlpAttributes, number]>([
    ["OpenInference Anthropic (llm.system): cache added", { ...anthropic, "llm.system": "anthropic" }, 170],
    ["OpenInference Anthropic on Bedrock (llm.provider aws, llm.system anthropic)", { ...anthropic, "llm.provider": "aws", "llm.system": "anthropic" }, 170],
    ["OpenInference Anthropic, read only", { "llm.token_count.prompt": 100, "llm.token_count.prompt_details.cache_read": 50, "llm.system": "Anthropic" }, 150],
    ["OpenInference OpenAI: prompt already includes cache", { ...anthropic, "llm.system": "openai" }, 100],
    ["GenAI input_tokens: inclusive", { "gen_ai.usage.input_tokens": 100, "gen_ai.usage.cache_read.input_tokens": 50, "gen_ai.system": "anthropic" }, 100],
    [
      "Vercel ai.usage.inputTokens: inclusive",
      { "ai.usage.inputTokens": 120, "ai.usage.inputTokenDetails.cacheReadTokens": 64, "ai.model.provider": "anthropic.messages" },
      120,
    ],
  ])("%s", (_label, attrs, input) => {
    expect(readUsage(attrs).inputTokens).toBe(input);
  });

  it("keeps cache parts as sent when converting", () => {
    expect(readUsage({ ...anthropic, "llm.system": "anthropic" })).toEqual({
      inputTokens: 170,
      outputTokens: 9,
      cacheReadTokens: 50,
      cacheWriteTokens: 20,
      reasoningTokens: null,
      reportedCostUsd: null,
    });
  });
});

describe("hasUsage", () => {
  it.each<[string, OtlpAttributes, boolean]>([
    ["input tokens", { "gen_ai.usage.input_tokens": 0 }, true],
    ["output tokens", { "gen_ai.usage.output_tokens": 3 }, true],
    ["reported cost only", { "llm.cost.total": 0.1 }, true],
    ["cache tokens only", { "gen_ai.usage.cache_read.input_tokens": 3 }, false],
    ["nothing", { "gen_ai.request.model": "gpt-4o" }, false],
  ])("%s → %s", (_label, attrs, expected) => {
    expect(hasUsage(readUsage(attrs))).toBe(expected);
  });
});
