// The Anthropic SDK's own OpenTelemetry spans (`@anthropic-ai/sdk` 1.x, scope `com.anthropic.sdk.typescript`,
// other platforms append a suffix). Chat spans follow OTel GenAI (input inclusive of the cache, see
// cache-accounting.ts). Departures: the tool runner's `invoke_agent` span names no agent (it is not one the
// application named, so it gets none rather than the span's name), and a tool run's result comes as
// `anthropic.tool_result.content`, Anthropic content blocks.
import { RawText } from "../normalise-content";
import type { Dialect } from "./dialect";
import { isObject, jsonOf, textOf } from "./read";

/** Content blocks as the tool's result: the text when every block is text (JSON text stays parseable). */
function toolResult(blocks: unknown): unknown {
  if (!Array.isArray(blocks)) return undefined;
  const texts = blocks.map((block) => (isObject(block) && block.type === "text" && typeof block.text === "string" ? block.text : null));
  return texts.every((t) => t !== null) ? new RawText(texts.join("")) : blocks;
}

export const ANTHROPIC_SDK: Dialect = {
  id: "anthropic-sdk",
  matches: ({ scope }) => scope.name === "com.anthropic.sdk.typescript" || scope.name.startsWith("com.anthropic.sdk.typescript."),
  identity: ({ attrs }, kind) => (kind === "agent" ? { agentName: textOf(attrs, "gen_ai.agent.name") } : {}),
  output: ({ attrs }, kind) => (kind === "tool" ? toolResult(jsonOf(attrs, "anthropic.tool_result.content")) : undefined),
};
