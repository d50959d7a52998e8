/**
 * Traces every `callTool` of an MCP client (the official
 * `@modelcontextprotocol/sdk` Client, or anything shaped like it) and carries
 * the trace context to the server in `params._meta`, as the MCP conventions
 * prescribe. The types below are structural so the SDK does not depend on the
 * MCP SDK: users bring whichever version they run.
 *
 * The JSON-RPC id is assigned inside the MCP SDK after `callTool` is called,
 * so the transport's `send` is observed to read it from the outgoing request;
 * the request is recognised by the `traceparent` this wrapper put in its `_meta`.
 */
import type { Span } from "@opentelemetry/api";
import { JSONRPC_REQUEST_ID, MCP_METHOD_TOOLS_CALL } from "./attributes.js";
import { formatJsonRpcId, traceMcpTool } from "./trace-mcp-tool.js";
import type { McpNetworkTransport, McpServer } from "./trace-mcp-tool.js";
import type { ToolEffect } from "./trace-tool.js";

export type McpCallToolParams = { name: string; arguments?: Record<string, unknown>; _meta?: Record<string, unknown> };

/** The parts of an MCP transport this wrapper reads; `protocolVersion` is set by Streamable HTTP once negotiated. */
export type McpTransportLike = {
  sessionId?: string;
  protocolVersion?: string;
  send(message: unknown, options?: unknown): Promise<void>;
};

/** The parts of an MCP client this wrapper uses. */
export type McpClientLike = {
  callTool(params: McpCallToolParams, ...rest: never[]): Promise<unknown>;
  getServerVersion?(): { name: string } | undefined;
  readonly transport?: McpTransportLike | undefined;
};

export type McpClientOptions = Partial<McpServer> & {
  /** The server's URL for HTTP transports: sets `server.address`, `server.port` and `network.transport=tcp`. */
  url?: string | URL;
  /** `hindsight.tool.effect` per tool name, e.g. `{ delete_row: "write" }`. */
  toolEffects?: Record<string, ToolEffect>;
};

const INSTRUMENTED = Symbol.for("hindsight.mcp.instrumented");
const observedTransports = new WeakSet<object>();
/** Client spans waiting for their request to be sent, by the `traceparent` in the request's `_meta`. */
const pendingSpans = new Map<string, Span>();

function describeUrl(url: string | URL | undefined): Partial<McpServer> {
  if (url === undefined) return {};
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80;
    const transport: McpNetworkTransport = "tcp";
    return { address: parsed.hostname, port, transport };
  } catch {
    // A bad URL must not break the calls; the span simply has no address.
    return {};
  }
}

/** What is known about the server at call time: after `connect`, the client knows the server's name and session. */
function describeServer(client: McpClientLike, options: McpClientOptions): McpServer {
  const transport = client.transport;
  return {
    ...describeUrl(options.url),
    ...options,
    name: options.name ?? client.getServerVersion?.()?.name ?? "mcp",
    sessionId: options.sessionId ?? transport?.sessionId,
    protocolVersion: options.protocolVersion ?? transport?.protocolVersion,
  };
}

function readTraceparent(message: unknown): string | undefined {
  if (typeof message !== "object" || message === null || !("method" in message) || message.method !== MCP_METHOD_TOOLS_CALL) return undefined;
  const params = "params" in message ? message.params : undefined;
  const meta = typeof params === "object" && params !== null && "_meta" in params ? params._meta : undefined;
  const traceparent = typeof meta === "object" && meta !== null && "traceparent" in meta ? meta.traceparent : undefined;
  return typeof traceparent === "string" ? traceparent : undefined;
}

function observeRequestIds(transport: McpTransportLike | undefined): void {
  if (!transport || observedTransports.has(transport)) return;
  observedTransports.add(transport);
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    const traceparent = readTraceparent(message);
    const span = traceparent === undefined ? undefined : pendingSpans.get(traceparent);
    const id = typeof message === "object" && message !== null && "id" in message ? formatJsonRpcId(message.id) : undefined;
    if (span && id !== undefined) span.setAttribute(JSONRPC_REQUEST_ID, id);
    return send(message, options);
  };
}

/**
 * Makes `client.callTool` trace each call as a `tools/call {tool}` CLIENT span
 * (see `traceMcpTool`) and send the span's context in `params._meta`, so a
 * server using `traceMcpToolHandler` (or any MCP instrumentation) continues
 * the same trace. Instruments the client in place and returns it; calling it
 * twice changes nothing. Works before or after `connect`.
 *
 * @example
 * const client = instrumentMcpClient(new Client({ name: "agent", version: "1.0.0" }), { url: "http://127.0.0.1:8931/mcp" });
 * await client.connect(new StreamableHTTPClientTransport(new URL("http://127.0.0.1:8931/mcp")));
 * await client.callTool({ name: "query", arguments: { sql: "select 1" } }); // traced
 */
export function instrumentMcpClient<C extends McpClientLike>(client: C, options: McpClientOptions = {}): C {
  const marked = client as C & { [INSTRUMENTED]?: true };
  if (marked[INSTRUMENTED]) return client;
  const callTool = client.callTool.bind(client);
  const instrumented: McpClientLike["callTool"] = (params, ...rest) => {
    observeRequestIds(client.transport);
    return traceMcpTool(
      describeServer(client, options),
      params.name,
      params.arguments,
      async (tool) => {
        const meta = tool.getTraceMeta();
        const traceparent = meta.traceparent;
        if (traceparent !== undefined) pendingSpans.set(traceparent, tool.span);
        try {
          return await callTool({ ...params, _meta: { ...params._meta, ...meta } }, ...rest);
        } finally {
          if (traceparent !== undefined) pendingSpans.delete(traceparent);
        }
      },
      { effect: options.toolEffects?.[params.name] },
    );
  };
  Object.assign(marked, { callTool: instrumented, [INSTRUMENTED]: true });
  return client;
}
