/**
 * MCP `tools/call` client spans, per the MCP conventions of
 * semantic-conventions-genai: span name `tools/call {tool}`, kind CLIENT,
 * `mcp.method.name`, plus the GenAI tool attributes (`gen_ai.operation.name`
 * = execute_tool) so the call is treated like any other tool. Failures follow
 * the conventions too: a JSON-RPC error puts its code in `error.type` and
 * `rpc.response.status_code`; a result with `isError: true` (MCP's
 * CallToolResult) is a failure without a throw, `error.type` = `tool_error`.
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
  RPC_RESPONSE_STATUS_CODE,
  SERVER_ADDRESS,
  SERVER_PORT,
} from "./attributes.js";
import { createHindsightSpan, runInSpan } from "./run-in-span.js";
import type { Clock, HindsightSpan } from "./run-in-span.js";
import { buildToolAttributes, recordToolResult } from "./trace-tool.js";
import type { ToolOptions } from "./trace-tool.js";

/** `pipe` for stdio, `tcp` for Streamable HTTP. */
export type McpNetworkTransport = "pipe" | "tcp" | "quic" | "unix";

export type McpServer = {
  /** A name for the server (e.g. from the client config); recorded as `mcp.server.name`. */
  name: string;
  address?: string;
  port?: number;
  transport?: McpNetworkTransport;
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

/** The conventions' attributes for the connection to an MCP server. */
export function buildMcpServerAttributes(server: Partial<McpServer>): Attributes {
  return {
    [MCP_METHOD_NAME]: MCP_METHOD_TOOLS_CALL,
    [MCP_SERVER_NAME]: server.name,
    [MCP_SESSION_ID]: server.sessionId,
    [MCP_PROTOCOL_VERSION]: server.protocolVersion,
    [SERVER_ADDRESS]: server.address,
    [SERVER_PORT]: server.port,
    [NETWORK_TRANSPORT]: server.transport,
  };
}

/** The conventions' string form of a JSON-RPC id; a null or missing id (a notification) records nothing. */
export function formatJsonRpcId(id: unknown): string | undefined {
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

function isToolErrorResult(result: unknown): boolean {
  return typeof result === "object" && result !== null && "isError" in result && result.isError === true;
}

/** Records a CallToolResult (or any value) and marks `isError: true` results as failed. */
export function recordMcpResult(span: Span, result: unknown): void {
  recordToolResult(span, result);
  if (isToolErrorResult(result)) {
    span.setAttribute(ERROR_TYPE, "tool_error");
    span.setStatus({ code: SpanStatusCode.ERROR, message: "MCP tool returned isError" });
  }
}

/**
 * A JSON-RPC error (the MCP SDK's McpError, or any error carrying a numeric
 * `code`) is classified by its code, as the conventions require, instead of by
 * its class name.
 */
export function recordMcpError(span: Span, error: unknown): void {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (typeof code === "number" && Number.isInteger(code)) {
    span.setAttributes({ [ERROR_TYPE]: String(code), [RPC_RESPONSE_STATUS_CODE]: String(code) });
  }
}

/**
 * Traces a call to a tool on an MCP server. `server` is a name or a
 * description of the connection; `fn` sends the `tools/call` request (with
 * `tool.getTraceMeta()` in its `params._meta`) and returns the CallToolResult
 * (or any value), recorded as the tool result. See `instrumentMcpClient` to
 * trace every call of an MCP SDK client without wrapping each one.
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
    ...buildMcpServerAttributes(info),
    [JSONRPC_REQUEST_ID]: formatJsonRpcId(options.requestId),
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
    recordMcpError,
  );
}
