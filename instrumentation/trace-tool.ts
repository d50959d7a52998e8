/**
 * `execute_tool {name}` spans. Arguments and result are stored as JSON text
 * (the conventions allow strings where structured attributes are unsupported),
 * so the dashboard can show them parsed.
 */
import { SpanKind } from "@opentelemetry/api";
import type { Attributes, Span } from "@opentelemetry/api";
import {
  GEN_AI_OPERATION_NAME,
  GEN_AI_TOOL_CALL_ARGUMENTS,
  GEN_AI_TOOL_CALL_ID,
  GEN_AI_TOOL_CALL_RESULT,
  GEN_AI_TOOL_DESCRIPTION,
  GEN_AI_TOOL_NAME,
  GEN_AI_TOOL_TYPE,
  HINDSIGHT_TOOL_EFFECT,
  OPERATION_EXECUTE_TOOL,
} from "./attributes.js";
import { createHindsightSpan, runInSpan } from "./run-in-span.js";
import type { HindsightSpan, SpanTiming } from "./run-in-span.js";
import { serializeJson, shouldCaptureContent } from "./serialize.js";

/** `function`: runs in the app; `extension`: runs elsewhere (MCP, hosted tools); `datastore`: retrieval. */
export type ToolType = "function" | "extension" | "datastore";

/** Whether a call changes anything outside the agent: `write` calls are what an audit (and an approval gate) is about. */
export type ToolEffect = "read" | "write";

export type ToolOptions = SpanTiming & {
  /** The id the model gave this call, linking it to the assistant's `tool_call` part. */
  callId?: string;
  description?: string;
  type?: ToolType;
  /** Recorded as `hindsight.tool.effect`. */
  effect?: ToolEffect;
  attributes?: Attributes;
};

/** Attributes shared by plain and MCP tool spans. */
export function buildToolAttributes(name: string, args: unknown, options: ToolOptions): Attributes {
  return {
    [GEN_AI_OPERATION_NAME]: OPERATION_EXECUTE_TOOL,
    [GEN_AI_TOOL_NAME]: name,
    [GEN_AI_TOOL_TYPE]: options.type ?? "function",
    [GEN_AI_TOOL_CALL_ID]: options.callId,
    [GEN_AI_TOOL_DESCRIPTION]: options.description,
    [HINDSIGHT_TOOL_EFFECT]: options.effect,
    [GEN_AI_TOOL_CALL_ARGUMENTS]: shouldCaptureContent() && args !== undefined ? serializeJson(args) : undefined,
    ...options.attributes,
  };
}

/** Records a tool's return value; `undefined` (a void tool) records nothing. */
export function recordToolResult(span: Span, result: unknown): void {
  if (result !== undefined && shouldCaptureContent()) {
    span.setAttribute(GEN_AI_TOOL_CALL_RESULT, serializeJson(result));
  }
}

/**
 * Traces one tool execution as `execute_tool {name}`, recording `args` and the
 * value `fn` returns as JSON. A throw marks the span ERROR with `error.type`
 * and an `exception` event, then propagates.
 */
export function traceTool<R>(name: string, args: unknown, fn: (tool: HindsightSpan) => R | Promise<R>, options: ToolOptions = {}): Promise<R> {
  return runInSpan(
    {
      name: `${OPERATION_EXECUTE_TOOL} ${name}`,
      kind: SpanKind.INTERNAL,
      attributes: buildToolAttributes(name, args, options),
      startTime: options.startTime,
      clock: options.clock,
    },
    createHindsightSpan,
    fn,
    recordToolResult,
  );
}
