// matchModelKey / modelKeyCandidates: model names as spans carry them → price-table keys.
import { describe, expect, it } from "vitest";
import { BUILT_IN_PRICES } from "@/lib/pricing/compute";
import { matchModelKey, modelKeyCandidates } from "@/lib/pricing/match";

const builtIn = (model: string) => matchModelKey(model, (key) => BUILT_IN_PRICES.has(key));

describe("matchModelKey against the built-in table", () => {
  it.each<[string, string | null]>([
    // exact names
    ["gpt-4o", "gpt-4o"],
    ["gpt-4o-mini", "gpt-4o-mini"],
    ["GPT-4o", "gpt-4o"],
    [" gpt-4o ", "gpt-4o"],
    // dated snapshots and versions
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["gpt-4.1-2025-04-14", "gpt-4.1"],
    ["gpt-5-mini-2025-08-07", "gpt-5-mini"],
    ["o3-mini-2025-01-31", "o3-mini"],
    ["gpt-3.5-turbo-0125", "gpt-3.5-turbo"],
    ["gpt-4-turbo", "gpt-4-turbo"],
    ["claude-3-5-sonnet-20241022", "claude-3-5-sonnet"],
    ["claude-3-5-sonnet-latest", "claude-3-5-sonnet"],
    ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5"],
    ["claude-sonnet-4-20250514", "claude-sonnet-4"],
    ["claude-opus-4-1-20250805", "claude-opus-4-1"],
    ["claude-3-5-sonnet@20241022", "claude-3-5-sonnet"],
    ["gemini-1.5-pro-002", "gemini-1.5-pro"],
    ["gemini-2.5-flash-preview-05-20", "gemini-2.5-flash"],
    ["mistral-large-2411", "mistral-large"],
    ["mistral-large-latest", "mistral-large"],
    ["grok-4-0709", "grok-4"],
    // provider prefixes
    ["openai/gpt-4o", "gpt-4o"],
    ["openai/gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["models/gemini-2.5-flash", "gemini-2.5-flash"],
    ["anthropic.claude-3-5-haiku-20241022-v1:0", "claude-3-5-haiku"],
    ["us.anthropic.claude-3-5-haiku-20241022-v1:0", "claude-3-5-haiku"],
    ["anthropic/claude-3.5-sonnet", "claude-3-5-sonnet"],
    ["claude-3.5-sonnet", "claude-3-5-sonnet"],
    ["claude-3.7-sonnet", "claude-3-7-sonnet"],
    ["meta-llama/Llama-3.3-70B-Instruct-Turbo", "llama-3.3-70b"],
    ["llama-3.3-70b-versatile", "llama-3.3-70b"],
    ["text-embedding-3-small", "text-embedding-3-small"],
    // different models that only share a prefix
    ["gpt-4o-audio-preview", null],
    ["gpt-4o-audio-preview-2024-12-17", null],
    ["gpt-4o-realtime-preview", null],
    ["gpt-4o-mini-tts", null],
    ["o4-mini-deep-research", null],
    ["claude-3-opus-20240229", null],
    // unknown
    ["acme-large-1", null],
    ["", null],
  ])("%j → %j", (model, expected) => {
    expect(builtIn(model)).toBe(expected);
  });

  // Only dated snapshots and provider prefixes map to a base model; match.ts: "never words".
  // gpt-3.5-turbo-instruct is its own model ($1.50/$2.00 per MTok), but "-instruct" is stripped as a
  // serving variant, so it is billed as gpt-3.5-turbo ($0.50/$1.50).
  it("does not price gpt-3.5-turbo-instruct as gpt-3.5-turbo", () => {
    expect(builtIn("gpt-3.5-turbo-instruct")).not.toBe("gpt-3.5-turbo");
  });

  it("prefers the most specific key present", () => {
    const keys = new Set(["gpt-4o", "gpt-4o-2024-08-06"]);
    expect(matchModelKey("gpt-4o-2024-08-06", (k) => keys.has(k))).toBe("gpt-4o-2024-08-06");
    expect(matchModelKey("gpt-4o-2024-05-13", (k) => keys.has(k))).toBe("gpt-4o");
  });
});

describe("modelKeyCandidates", () => {
  it.each<[string, string[]]>([
    ["gpt-4o", ["gpt-4o"]],
    ["gpt-4o-2024-08-06", ["gpt-4o-2024-08-06", "gpt-4o"]],
    ["anthropic.claude-3-5-haiku-20241022-v1:0", ["claude-3-5-haiku-20241022-v1:0", "claude-3-5-haiku-20241022", "claude-3-5-haiku"]],
    ["meta-llama/Llama-3.3-70B-Instruct-Turbo", ["llama-3.3-70b-instruct-turbo", "llama-3.3-70b-instruct", "llama-3.3-70b"]],
    ["gpt-4o-audio-preview", ["gpt-4o-audio-preview"]],
  ])("%j → %j", (model, expected) => {
    expect(modelKeyCandidates(model)).toEqual(expected);
  });
});
