// The dialects Hindsight knows, first match wins. Spans of any other library are read by the generic rules
// alone. docs/frameworks.md documents each one.
import { ANTHROPIC_SDK } from "./anthropic-sdk";
import { OPENINFERENCE_ANTHROPIC, OPENLLMETRY_ANTHROPIC } from "./anthropic-instrumentations";
import type { Dialect, DialectSpan } from "./dialect";
import { LANGCHAIN } from "./langchain";
import { MASTRA } from "./mastra";
import { MCP_OPENLLMETRY, MCP_SEMCONV } from "./mcp";
import { OPENAI_AGENTS } from "./openai-agents";
import { VERCEL_AI } from "./vercel-ai";

export const DIALECTS: readonly Dialect[] = [
  ANTHROPIC_SDK,
  OPENINFERENCE_ANTHROPIC,
  OPENLLMETRY_ANTHROPIC,
  LANGCHAIN,
  OPENAI_AGENTS,
  MASTRA,
  VERCEL_AI,
  MCP_OPENLLMETRY,
  // Last: a library above that also sends mcp.method.name keeps its own reading.
  MCP_SEMCONV,
];

/** The dialect that reads this span, or undefined for the generic reading. */
export const findDialect = (span: DialectSpan): Dialect | undefined => DIALECTS.find((dialect) => dialect.matches(span));

export type { Dialect, DialectSpan, Scope } from "./dialect";
export { inputAccountingOf } from "./cache-accounting";
