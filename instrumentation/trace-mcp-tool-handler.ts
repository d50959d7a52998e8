/**
 * The server side of an MCP tool call: a `tools/call {tool}` SERVER span
 * whose parent is the client span whose context arrived in the request's
 * `params._meta`, so client and server share one trace. The conventions also
 * ask to link the ambient context (e.g. the HTTP request's span) when there
 * is one. Structural types again: no dependency on the MCP SDK.
 */
import { SpanKind, context, propagation, trace } from "@opentelemetry/api";
import type { Attributes, Context, Link } from "@opentelemetry/api";
import { JSONRPC_REQUEST_ID, MCP_METHOD_TOOLS_CALL } from "./attributes.js";
import { createHindsightSpan, runInSpan } from "./run-in-span.js";
import type { SpanTiming } from "./run-in-span.js";
import { buildMcpServerAttributes, formatJsonRpcId, recordMcpError, recordMcpResult } from "./trace-mcp-tool.js";
import type { McpNetworkTransport } from "./trace-mcp-tool.js";
import { buildToolAttributes } from "./trace-tool.js";
import type { ToolEffect } from "./trace-tool.js";

/** What the MCP SDK passes a tool handler as its last argument (`RequestHandlerExtra`), as far as tracing needs it. */
export type McpRequestExtraLike = {
  _meta?: Record<string, unknown>;
  sessionId?: string;
  requestId?: string | number;
};

export type McpToolHandlerOptions = SpanTiming & {
  effect?: ToolEffect;
  description?: string;
  transport?: McpNetworkTransport;
  protocolVersion?: string;
  attributes?: Attributes;
};

function isExtra(value: unknown): value is McpRequestExtraLike {
  return typeof value === "object" && value !== null && ("requestId" in value || "_meta" in value || "signal" in value);
}

/** Reads `traceparent`/`tracestate`/`baggage` from `_meta`; other keys and non-string values are ignored. */
function extractMetaContext(meta: Record<string, unknown> | undefined, base: Context): Context {
  const carrier: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta ?? {})) if (typeof value === "string") carrier[key] = value;
  return propagation.extract(base, carrier);
}

/**
 * Wraps an MCP tool handler (`(args, extra)`, or `(extra)` for a tool without
 * input schema) so each call is traced as a `tools/call {name}` SERVER span in
 * the caller's trace, with the arguments and CallToolResult recorded (when
 * content capture is on) and `isError` results or thrown JSON-RPC errors
 * classified as the conventions say. The handler's signature is kept.
 *
 * @example
 * server.registerTool("lookup_order", { inputSchema: { id: z.string() } },
 *   traceMcpToolHandler("lookup_order", async ({ id }) => ({ content: [{ type: "text", text: await find(id) }] })));
 */
export function traceMcpToolHandler<A extends unknown[], R>(
  name: string,
  handler: (...args: A) => R | Promise<R>,
  options: McpToolHandlerOptions = {},
): (...args: A) => Promise<R> {
  return (...args: A) => {
    const last = args[args.length - 1];
    const extra = isExtra(last) ? last : undefined;
    // `(extra)` alone is a tool without input schema: it has no arguments.
    const toolArgs = extra && args.length < 2 ? undefined : args[0];
    const ambient = context.active();
    const parentContext = extractMetaContext(extra?._meta, ambient);
    const ambientSpan = trace.getSpanContext(ambient);
    // In one process the ambient span can be the client span itself (the transport keeps async context): no self-link.
    const isDistinct = ambientSpan && trace.isSpanContextValid(ambientSpan) && ambientSpan.spanId !== trace.getSpanContext(parentContext)?.spanId;
    const links: Link[] = isDistinct ? [{ context: ambientSpan }] : [];
    const attributes: Attributes = {
      ...buildToolAttributes(name, toolArgs, { type: "extension", effect: options.effect, description: options.description, attributes: options.attributes }),
      ...buildMcpServerAttributes({ transport: options.transport, protocolVersion: options.protocolVersion, sessionId: extra?.sessionId }),
      [JSONRPC_REQUEST_ID]: formatJsonRpcId(extra?.requestId),
    };
    return runInSpan(
      {
        name: `${MCP_METHOD_TOOLS_CALL} ${name}`,
        kind: SpanKind.SERVER,
        attributes,
        // Without a remote parent in _meta, the call still joins whatever trace is active.
        parentContext,
        links,
        startTime: options.startTime,
        clock: options.clock,
      },
      createHindsightSpan,
      () => handler(...args),
      recordMcpResult,
      recordMcpError,
    );
  };
}
