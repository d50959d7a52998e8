/**
 * A deterministic stand-in for LLM providers. Scenarios script what the model
 * answers; this file makes the numbers around it plausible: token counts from
 * text length, provider-style prompt caching, reasoning tokens, and latency
 * that grows with output, all advancing the virtual clock.
 */
import { traceLlmCall } from "../../instrumentation/index";
import type { InputMessage, OutputMessage, TokenUsage } from "../../instrumentation/index";
import type { ScenarioContext } from "./scenario-context";

type CacheStyle = "automatic" | "explicit" | "none";
type ModelSpec = { request: string; response: string; provider: string; msPerToken: number; cache: CacheStyle; isReasoning: boolean };

/** Request names as apps send them, and the dated snapshots providers answer with. */
export const MODELS = {
  "gpt-4o": { request: "gpt-4o", response: "gpt-4o-2024-08-06", provider: "openai", msPerToken: 12, cache: "automatic", isReasoning: false },
  "gpt-4o-mini": { request: "gpt-4o-mini", response: "gpt-4o-mini-2024-07-18", provider: "openai", msPerToken: 7, cache: "automatic", isReasoning: false },
  "claude-sonnet-4": {
    request: "claude-sonnet-4-20250514",
    response: "claude-sonnet-4-20250514",
    provider: "anthropic",
    msPerToken: 16,
    cache: "explicit",
    isReasoning: false,
  },
  "claude-3-5-haiku": {
    request: "claude-3-5-haiku-20241022",
    response: "claude-3-5-haiku-20241022",
    provider: "anthropic",
    msPerToken: 6,
    cache: "explicit",
    isReasoning: false,
  },
  "gemini-2.5-flash": {
    request: "gemini-2.5-flash",
    response: "gemini-2.5-flash",
    provider: "gcp.gemini",
    msPerToken: 4,
    cache: "automatic",
    isReasoning: true,
  },
  // Deliberately absent from every price table: shows up as "unpriced".
  "acme-llm-1": { request: "acme-llm-1", response: "acme-llm-1", provider: "acme", msPerToken: 22, cache: "none", isReasoning: false },
} as const satisfies Record<string, ModelSpec>;

export type ModelName = keyof typeof MODELS;

export type ModelTurn = {
  model: ModelName;
  system: string;
  messages: InputMessage[];
  reply: OutputMessage;
  /** Tokens of tool definitions and other hidden prompt context. */
  contextTokens: number;
  temperature?: number;
  /** The provider refuses the call with this error (a rate limit…) after `failAfterMs` of waiting. */
  error?: Error;
  failAfterMs?: number;
};

function countTokens(value: unknown): number {
  return Math.ceil(JSON.stringify(value).length / 4);
}

function estimateUsage(ctx: ScenarioContext, spec: ModelSpec, turn: ModelTurn): TokenUsage {
  const { rng } = ctx;
  const prefix = turn.contextTokens + countTokens(turn.system);
  const inputTokens = prefix + countTokens(turn.messages);
  const visibleOutput = countTokens(turn.reply.parts) + rng.int(0, 12);
  const reasoning = spec.isReasoning ? rng.int(60, 700) : 0;
  const usage: TokenUsage = { inputTokens, outputTokens: visibleOutput + reasoning };
  if (reasoning > 0) usage.reasoningOutputTokens = reasoning;

  const cacheKey = `${spec.request}|${turn.system}`;
  const isWarm = ctx.warmCaches.has(cacheKey);
  ctx.warmCaches.add(cacheKey);
  if (spec.cache === "explicit") {
    // Anthropic-style: the first call writes the prefix, later calls read it (counted inside input, per OTel).
    if (isWarm) usage.cacheReadInputTokens = prefix;
    else usage.cacheCreationInputTokens = prefix;
  } else if (spec.cache === "automatic" && isWarm && inputTokens >= 1024 && rng.chance(0.75)) {
    // OpenAI-style: cached in 128-token blocks once the prompt passes 1024 tokens.
    usage.cacheReadInputTokens = Math.floor(prefix / 128) * 128;
  }
  return usage;
}

function estimateLatencyMs(ctx: ScenarioContext, spec: ModelSpec, usage: TokenUsage): number {
  const firstToken = ctx.rng.int(220, 700);
  const generation = usage.outputTokens * spec.msPerToken * (0.8 + ctx.rng.next() * 0.5);
  // A few slow calls give the latency percentiles a tail.
  const spike = ctx.rng.chance(0.04) ? 3 : 1;
  return (firstToken + generation) * spike;
}

function createResponseId(ctx: ScenarioContext, provider: string): string {
  if (provider === "openai") return `chatcmpl-${ctx.rng.hex(24)}`;
  if (provider === "anthropic") return `msg_${ctx.rng.hex(24)}`;
  return ctx.rng.hex(20);
}

/** Traces one fake model call and returns the scripted reply. */
export async function callModel(ctx: ScenarioContext, turn: ModelTurn): Promise<OutputMessage> {
  const spec: ModelSpec = MODELS[turn.model];
  await traceLlmCall(
    {
      model: spec.request,
      provider: spec.provider,
      systemInstructions: turn.system,
      messages: [...turn.messages],
      temperature: turn.temperature ?? 0.2,
      maxTokens: 1024,
    },
    () => {
      if (turn.error) {
        ctx.clock.advance(turn.failAfterMs ?? 300);
        throw turn.error;
      }
      const usage = estimateUsage(ctx, spec, turn);
      ctx.clock.advance(estimateLatencyMs(ctx, spec, usage));
      return { outputMessages: [turn.reply], usage, responseModel: spec.response, responseId: createResponseId(ctx, spec.provider) };
    },
  );
  return turn.reply;
}
