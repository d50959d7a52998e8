/**
 * MCP `tools/call` client spans, per the MCP conventions of
 * semantic-conventions-genai: span name `tools/call {tool}`, kind CLIENT,
 * `mcp.method.name`, plus the GenAI tool attributes (`gen_ai.operation.name`
 * = execute_tool) so the call is treated like any other tool. A result with
 * `isError: true` (MCP's CallToolResult) is a failure without a throw:
 * `error.type` = `tool_error`, as the conventions prescribe.
 */
import { SpanKind, SpanStatusCode, context, propagation } from "@opentelemetry/api";
import type { Attributes, Span } from "@opentelemetry/api";
import {
  ERROR_TYPE,
  JSONRPC_REQUEST_ID,
  MCP_METHOD_NAME,
  MCP_METHOD_TOOLS_CALL,
  MCP_PROTOCOL_VERSION,
  MCP_SERVER_NAME,
  MCP_SESSION_ID,
  NETWORK_TRANSPORT,
  SERVER_ADDRESS,
  SERVER_PORT,
} from "./attributes.js";
import { createHindsightSpan, runInSpan } from "./run-in-span.js";
import type { Clock, HindsightSpan } from "./run-in-span.js";
import { buildToolAttributes, recordToolResult } from "./trace-tool.js";
import type { ToolOptions } from "./trace-tool.js";

export type McpServer = {
  /** A name for the server (e.g. from the client config); recorded as `mcp.server.name`. */
  name: string;
  address?: string;
  port?: number;
  /** `pipe` for stdio, `tcp` for Streamable HTTP. */
  transport?: "pipe" | "tcp" | "quic" | "unix";
  protocolVersion?: string;
  sessionId?: string;
};

export type McpToolOptions = Omit<ToolOptions, "type"> & {
  /** The JSON-RPC request id. */
  requestId?: string | number;
};

export type McpToolSpan = HindsightSpan & {
  /**
   * Trace context to put in the request's `params._meta` (`traceparent`,
   * `tracestate`, `baggage`), so an instrumented MCP server joins this trace.
   */
  getTraceMeta(): Record<string, string>;
};

function createMcpToolSpan(span: Span, clock: Clock | undefined): McpToolSpan {
  return {
    ...createHindsightSpan(span, clock),
    getTraceMeta: () => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      return carrier;
    },
  };
}

function isToolErrorResult(result: unknown): boolean {
  return typeof result === "object" && result !== null && "isError" in result && result.isError === true;
}

function recordMcpResult(span: Span, result: unknown): void {
  recordToolResult(span, result);
  if (isToolErrorResult(result)) {
    span.setAttribute(ERROR_TYPE, "tool_error");
    span.setStatus({ code: SpanStatusCode.ERROR, message: "MCP tool returned isError" });
  }
}

/**
 * Traces a call to a tool on an MCP server. `server` is a name or a
 * description of the connection; `fn` sends the `tools/call` request and
 * returns the CallToolResult (or any value), recorded as the tool result.
 */
export function traceMcpTool<R>(
  server: string | McpServer,
  name: string,
  args: unknown,
  fn: (tool: McpToolSpan) => R | Promise<R>,
  options: McpToolOptions = {},
): Promise<R> {
  const info: McpServer = typeof server === "string" ? { name: server } : server;
  const attributes: Attributes = {
    ...buildToolAttributes(name, args, { ...options, type: "extension" }),
    [MCP_METHOD_NAME]: MCP_METHOD_TOOLS_CALL,
    [MCP_SERVER_NAME]: info.name,
    [MCP_SESSION_ID]: info.sessionId,
    [MCP_PROTOCOL_VERSION]: info.protocolVersion,
    [SERVER_ADDRESS]: info.address,
    [SERVER_PORT]: info.port,
    [NETWORK_TRANSPORT]: info.transport,
    [JSONRPC_REQUEST_ID]: options.requestId === undefined ? undefined : String(options.requestId),
  };
  return runInSpan(
    {
      name: `${MCP_METHOD_TOOLS_CALL} ${name}`,
      kind: SpanKind.CLIENT,
      attributes,
      startTime: options.startTime,
      clock: options.clock,
    },
    createMcpToolSpan,
    fn,
    recordMcpResult,
  );
}
