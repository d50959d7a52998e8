/** Small builders for the chat messages scenarios script, in the SDK's GenAI message shape. */
import { createTextMessage, traceMcpTool, traceTool } from "../../instrumentation/index";
import type { InputMessage, McpServer, OutputMessage } from "../../instrumentation/index";
import type { VirtualClock } from "./clock";
import type { ScenarioContext } from "./scenario-context";

export type ToolCall = { id: string; name: string; arguments: Record<string, unknown> };

/** A user turn. */
export function userSays(text: string): InputMessage {
  return createTextMessage("user", text);
}

/** A final assistant answer. */
export function assistantSays(text: string): OutputMessage {
  return { ...createTextMessage("assistant", text), finish_reason: "stop" };
}

/** An assistant turn that asks for one or more tool calls (several = parallel calls). */
export function assistantCalls(calls: ToolCall[]): OutputMessage {
  return { role: "assistant", parts: calls.map((call) => ({ type: "tool_call", ...call })), finish_reason: "tool_call" };
}

/** The message that hands a tool's result back to the model. */
export function toolReturns(call: ToolCall, response: unknown): InputMessage {
  return { role: "tool", parts: [{ type: "tool_call_response", id: call.id, response }] };
}

/** An output message as it appears in the next request's history. */
export function asHistory(message: OutputMessage): InputMessage {
  return { role: message.role, parts: message.parts };
}

/** A tool call with a provider-style id. */
export function createToolCall(ctx: ScenarioContext, name: string, args: Record<string, unknown>): ToolCall {
  return { id: `call_${ctx.rng.hex(24)}`, name, arguments: args };
}

type ToolRun = {
  latencyMs: [number, number];
  /** The branch clock when the call runs in parallel with others. */
  clock?: VirtualClock;
  /** Set when the tool lives on an MCP server. */
  mcp?: McpServer;
  /** Recorded on the tool span for the tool-call audit. */
  effect?: "read" | "write";
};

/** Traces a scripted tool call that takes virtual time; `produce` may throw to simulate a failure. */
export function runTool<R>(ctx: ScenarioContext, call: ToolCall, produce: () => R, run: ToolRun): Promise<R> {
  const clock = run.clock ?? ctx.clock;
  const execute = () => {
    clock.advance(ctx.rng.int(run.latencyMs[0], run.latencyMs[1]));
    return produce();
  };
  const options = { callId: call.id, clock: clock.now };
  return run.mcp
    ? traceMcpTool(run.mcp, call.name, call.arguments, execute, { ...options, requestId: ctx.rng.int(1, 500) })
    : traceTool(call.name, call.arguments, execute, { ...options, effect: run.effect });
}
