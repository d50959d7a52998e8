// Cache accounting: whether an instrumentation's input count includes the cached prompt tokens, decided by its
// scope and version. Each case states the exact tokens and cost Hindsight must store for one Anthropic call
// (claude-sonnet-4-5: $3 input, $15 output, $0.30 cache read, $3.75 cache write per million tokens) whose API
// usage was input_tokens 42 (uncached), cache_creation 1,500, cache_read 0, output 38: inclusive input 1,542,
// cost (42·3 + 1500·3.75 + 38·15) / 1e6 = 0.006321.
import { describe, expect, it } from "vitest";
import { compareVersions, inputAccountingOf } from "@/lib/ingest/dialects/cache-accounting";
import { normaliseTraceRequest } from "@/lib/ingest/normalise";
import type { OtlpAttributes, OtlpTraceRequest } from "@/lib/ingest/otlp-types";
import { buildPriceBook } from "@/lib/pricing/compute";
import { otlpSpan, USD_DIGITS } from "../support/otlp";

function normaliseIn(scopeName: string, scopeVersion: string | undefined, attributes: OtlpAttributes) {
  const request: OtlpTraceRequest = {
    resourceSpans: [
      { resource: { "service.name": "svc" }, scopeSpans: [{ scopeName, ...(scopeVersion ? { scopeVersion } : {}), spans: [otlpSpan({ attributes })] }] },
    ],
  };
  return normaliseTraceRequest(request, buildPriceBook()).spans[0]!;
}

const MODEL = "claude-sonnet-4-5-20250929";
const openInference = (prompt: number): OtlpAttributes => ({
  "openinference.span.kind": "LLM",
  "llm.system": "anthropic",
  "llm.provider": "anthropic",
  "llm.model_name": MODEL,
  "llm.token_count.prompt": prompt,
  "llm.token_count.completion": 38,
  "llm.token_count.prompt_details.cache_write": 1500,
});
const genAi = (input: number, cacheWriteKey: string): OtlpAttributes => ({
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "anthropic",
  "gen_ai.response.model": MODEL,
  "gen_ai.usage.input_tokens": input,
  "gen_ai.usage.output_tokens": 38,
  [cacheWriteKey]: 1500,
  "gen_ai.usage.cache_read.input_tokens": 0,
});
const EXACT = { inputTokens: 1542, outputTokens: 38, cacheWriteTokens: 1500, costUsd: 0.006321 };

describe("cache accounting by instrumentation scope and version", () => {
  it.each([
    ["OpenInference Anthropic 0.2.8 sends the inclusive count: kept", "@arizeai/openinference-instrumentation-anthropic", "0.2.8", openInference(1542)],
    ["OpenInference Anthropic 0.3.0 (a later version) is read like 0.2.8", "@arizeai/openinference-instrumentation-anthropic", "0.3.0", openInference(1542)],
    [
      "OpenInference Anthropic 0.1.22 sends Anthropic's exclusive count: cache added",
      "@arizeai/openinference-instrumentation-anthropic",
      "0.1.22",
      openInference(42),
    ],
    [
      "OpenLLMetry Anthropic 0.27.0 sends Anthropic's exclusive count: cache added",
      "@traceloop/instrumentation-anthropic",
      "0.27.0",
      genAi(42, "gen_ai.usage.cache_creation.input_tokens"),
    ],
    [
      "Anthropic SDK 1.17.0 own spans: inclusive, cache writes as cache_write.input_tokens",
      "com.anthropic.sdk.typescript",
      "1.17.0",
      genAi(1542, "gen_ai.usage.cache_write.input_tokens"),
    ],
  ] as const)("%s", (_label, scope, version, attributes) => {
    const span = normaliseIn(scope, version, attributes);
    expect(span).toMatchObject({
      inputTokens: EXACT.inputTokens,
      outputTokens: EXACT.outputTokens,
      cacheWriteTokens: EXACT.cacheWriteTokens,
      costSource: "computed",
    });
    expect(span.costUsd).toBeCloseTo(EXACT.costUsd, USD_DIGITS);
  });

  it("the Anthropic issue's figures: reading OpenInference 0.2.8 the old way would add the cache twice", () => {
    // Same attributes without a scope: the generic rule (OpenInference + Anthropic = exclusive) applies.
    const legacy = normaliseIn("", undefined, openInference(1542));
    expect(legacy.inputTokens).toBe(3042);
    const known = normaliseIn("@arizeai/openinference-instrumentation-anthropic", "0.2.8", openInference(1542));
    expect(known.inputTokens).toBe(1542);
  });

  it("cache parts larger than the input count prove the count excludes them, whatever the scope claims", () => {
    const span = normaliseIn("com.anthropic.sdk.typescript", "1.17.0", genAi(42, "gen_ai.usage.cache_write.input_tokens"));
    expect(span.inputTokens).toBe(1542);
    expect(span.costUsd).toBeCloseTo(EXACT.costUsd, USD_DIGITS);
  });

  it("an unknown scope keeps the conventions' inclusive reading when the count can hold its parts", () => {
    expect(normaliseIn("my-homemade-tracer", "9.9.9", genAi(1542, "gen_ai.usage.cache_creation.input_tokens")).inputTokens).toBe(1542);
  });

  it.each([
    [{ name: "@arizeai/openinference-instrumentation-anthropic", version: "0.2.8" }, "inclusive"],
    [{ name: "@arizeai/openinference-instrumentation-anthropic", version: "0.2.7" }, "exclusive"],
    [{ name: "@arizeai/openinference-instrumentation-anthropic", version: null }, null],
    [{ name: "@traceloop/instrumentation-anthropic", version: null }, "exclusive"],
    [{ name: "com.anthropic.sdk.typescript.bedrock", version: "1.17.0" }, "inclusive"],
    [{ name: "com.anthropic.sdkx", version: "1.0.0" }, null],
    [{ name: "@arizeai/openinference-instrumentation-openai", version: "4.2.7" }, null],
  ] as const)("inputAccountingOf(%o) = %s", (scope, expected) => {
    expect(inputAccountingOf(scope)).toBe(expected);
  });

  it.each([
    ["0.10.0", "0.9.3", 1],
    ["0.2.8", "0.2.8", 0],
    ["0.2.8-beta.1", "0.2.8", 0],
    ["1", "1.0.1", -1],
  ] as const)("compareVersions(%s, %s) = %d", (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
