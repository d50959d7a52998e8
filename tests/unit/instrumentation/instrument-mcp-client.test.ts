/**
 * The MCP helpers against the real MCP SDK: a client and a server in one
 * process over the SDK's in-memory transport, so context really travels in
 * the JSON-RPC request's `params._meta` and nothing is mocked.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import type { Context } from "@opentelemetry/api";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { instrumentMcpClient, traceAgent, traceMcpToolHandler, traceTool, withSession } from "../../../instrumentation/index";
import type { McpClientOptions } from "../../../instrumentation/index";
import { setContentCapture } from "../../../instrumentation/serialize";
import { getParentSpanId, parseJsonAttribute, setupMemoryTracing, sleep } from "./support/memory-tracing";

const tracing = setupMemoryTracing();

function createOrdersServer(): McpServer {
  const server = new McpServer({ name: "orders-server", version: "1.0.0" });
  server.registerTool(
    "lookup_order",
    { description: "Finds an order", inputSchema: { id: z.string() } },
    traceMcpToolHandler(
      "lookup_order",
      async ({ id }, extra) => {
        receivedMeta.push(extra._meta ?? {});
        const status = await traceTool("orders_db", { id }, () => "shipped");
        return { content: [{ type: "text" as const, text: `Order ${id} is ${status} (request ${String(extra.requestId)})` }] };
      },
      { effect: "read" },
    ),
  );
  server.registerTool(
    "cancel_order",
    { inputSchema: { id: z.string() } },
    traceMcpToolHandler("cancel_order", ({ id }) => ({ isError: true, content: [{ type: "text" as const, text: `Order ${id} already shipped` }] }), {
      effect: "write",
    }),
  );
  server.registerTool(
    "slow_report",
    {},
    traceMcpToolHandler("slow_report", async () => {
      await sleep(200);
      return { content: [] };
    }),
  );
  return server;
}

let client: Client;
let server: McpServer;
let receivedMeta: Record<string, unknown>[] = [];
/** The async context the server handles requests in; the root, as in a separate process, unless a test sets one. */
let serverAmbient: Context = ROOT_CONTEXT;

async function connect(options: McpClientOptions | null = {}): Promise<void> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  server = createOrdersServer();
  await server.connect(serverTransport);
  // The in-memory transport would otherwise hand the client's async context to the server; cut it, so only
  // params._meta can join the two sides, as between two processes.
  const deliver = serverTransport.onmessage;
  serverTransport.onmessage = (message, extra) => context.with(serverAmbient, () => deliver?.(message, extra));
  const plain = new Client({ name: "analyst", version: "1.0.0" });
  client = options ? instrumentMcpClient(plain, options) : plain;
  await client.connect(clientTransport);
}

beforeEach(async () => {
  receivedMeta = [];
  serverAmbient = ROOT_CONTEXT;
  await connect({ toolEffects: { cancel_order: "write" } });
});

afterEach(async () => {
  setContentCapture(true);
  await client.close();
  await server.close();
});

function byKind(spans: ReadableSpan[], name: string, kind: SpanKind): ReadableSpan {
  const matches = spans.filter((span) => span.name === name && span.kind === kind);
  if (matches.length !== 1) throw new Error(`expected one ${SpanKind[kind]} span ${name}, found ${matches.length}`);
  return matches[0] as ReadableSpan;
}

describe("instrumentMcpClient with traceMcpToolHandler", () => {
  it("puts client and server spans of one call in one trace through params._meta", async () => {
    const result = await withSession({ sessionId: "sess_9", userId: "maya" }, () =>
      traceAgent("analyst", {}, () => client.callTool({ name: "lookup_order", arguments: { id: "A-1" } })),
    );

    const spans = await tracing.spans();
    const agent = byKind(spans, "invoke_agent analyst", SpanKind.INTERNAL);
    const clientSpan = byKind(spans, "tools/call lookup_order", SpanKind.CLIENT);
    const serverSpan = byKind(spans, "tools/call lookup_order", SpanKind.SERVER);
    const dbSpan = byKind(spans, "execute_tool orders_db", SpanKind.INTERNAL);
    expect(getParentSpanId(clientSpan)).toBe(agent.spanContext().spanId);
    expect(getParentSpanId(serverSpan)).toBe(clientSpan.spanContext().spanId);
    expect(getParentSpanId(dbSpan)).toBe(serverSpan.spanContext().spanId);
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([agent.spanContext().traceId]));
    // Baggage crossed too: the server's spans belong to the caller's session.
    expect(serverSpan.attributes).toMatchObject({ "session.id": "sess_9", "user.id": "maya" });
    expect(dbSpan.attributes["session.id"]).toBe("sess_9");

    expect(clientSpan.attributes).toMatchObject({
      "mcp.method.name": "tools/call",
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "lookup_order",
      "gen_ai.tool.type": "extension",
      "mcp.server.name": "orders-server",
      // initialize was request 0.
      "jsonrpc.request.id": "1",
    });
    expect(clientSpan.attributes["hindsight.tool.effect"]).toBeUndefined();
    expect(serverSpan.attributes).toMatchObject({
      "mcp.method.name": "tools/call",
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "lookup_order",
      "jsonrpc.request.id": "1",
      "hindsight.tool.effect": "read",
    });
    expect(serverSpan.links).toEqual([]);
    expect(receivedMeta).toEqual([expect.objectContaining({ traceparent: `00-${agent.spanContext().traceId}-${clientSpan.spanContext().spanId}-01` })]);
    for (const span of [clientSpan, serverSpan]) {
      expect(parseJsonAttribute(span, "gen_ai.tool.call.arguments")).toEqual({ id: "A-1" });
      expect(parseJsonAttribute(span, "gen_ai.tool.call.result")).toEqual(result);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    }
  });

  it("leaves the server span a root of its own trace when the client is not instrumented", async () => {
    await client.close();
    await server.close();
    await connect(null);
    await traceAgent("analyst", {}, () => client.callTool({ name: "lookup_order", arguments: { id: "A-1" } }));

    const spans = await tracing.spans();
    const serverSpan = byKind(spans, "tools/call lookup_order", SpanKind.SERVER);
    expect(spans.filter((span) => span.kind === SpanKind.CLIENT)).toEqual([]);
    expect(getParentSpanId(serverSpan)).toBeUndefined();
    expect(serverSpan.spanContext().traceId).not.toBe(byKind(spans, "invoke_agent analyst", SpanKind.INTERNAL).spanContext().traceId);
    expect(receivedMeta).toEqual([{}]);
  });

  it("links the server's ambient span (e.g. its HTTP request) while the client span stays the parent", async () => {
    const httpSpan = trace.getTracer("test").startSpan("POST /mcp", { kind: SpanKind.SERVER }, ROOT_CONTEXT);
    serverAmbient = trace.setSpan(ROOT_CONTEXT, httpSpan);
    await client.callTool({ name: "lookup_order", arguments: { id: "A-1" } });
    httpSpan.end();

    const spans = await tracing.spans();
    const clientSpan = byKind(spans, "tools/call lookup_order", SpanKind.CLIENT);
    const serverSpan = byKind(spans, "tools/call lookup_order", SpanKind.SERVER);
    expect(getParentSpanId(serverSpan)).toBe(clientSpan.spanContext().spanId);
    expect(serverSpan.links.map((link) => link.context.spanId)).toEqual([httpSpan.spanContext().spanId]);
  });

  it("counts request ids per call and keeps concurrent calls apart", async () => {
    await traceAgent("analyst", {}, () =>
      Promise.all([client.callTool({ name: "lookup_order", arguments: { id: "A-1" } }), client.callTool({ name: "lookup_order", arguments: { id: "B-2" } })]),
    );
    const spans = await tracing.spans();
    for (const id of ["A-1", "B-2"]) {
      const pair = spans.filter((span) => span.name === "tools/call lookup_order" && String(span.attributes["gen_ai.tool.call.arguments"]).includes(id));
      const clientSpan = pair.find((span) => span.kind === SpanKind.CLIENT)!;
      const serverSpan = pair.find((span) => span.kind === SpanKind.SERVER)!;
      expect(getParentSpanId(serverSpan)).toBe(clientSpan.spanContext().spanId);
      expect(clientSpan.attributes["jsonrpc.request.id"]).toBe(serverSpan.attributes["jsonrpc.request.id"]);
    }
    const ids = spans.filter((span) => span.kind === SpanKind.CLIENT).map((span) => span.attributes["jsonrpc.request.id"]);
    expect(ids.sort()).toEqual(["1", "2"]);
  });

  it("marks an isError result as tool_error on both sides and records the effect", async () => {
    const result = await client.callTool({ name: "cancel_order", arguments: { id: "A-1" } });
    expect(result.isError).toBe(true);
    const spans = await tracing.spans();
    for (const kind of [SpanKind.CLIENT, SpanKind.SERVER]) {
      const span = byKind(spans, "tools/call cancel_order", kind);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes).toMatchObject({ "error.type": "tool_error", "hindsight.tool.effect": "write" });
    }
  });

  it("classifies a JSON-RPC error by its code", async () => {
    await expect(client.callTool({ name: "slow_report", arguments: {} }, undefined, { timeout: 20 })).rejects.toMatchObject({ code: -32001 });
    const span = byKind(await tracing.spans(), "tools/call slow_report", SpanKind.CLIENT);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({ "error.type": "-32001", "rpc.response.status_code": "-32001" });
    await sleep(250); // let the server finish so its span does not leak into the next test
    // A tool without input schema gets only `extra`: no arguments to record, and the request id still read from it.
    const serverSpan = byKind(await tracing.spans(), "tools/call slow_report", SpanKind.SERVER);
    expect(serverSpan.attributes["gen_ai.tool.call.arguments"]).toBeUndefined();
    expect(serverSpan.attributes["jsonrpc.request.id"]).toBe(span.attributes["jsonrpc.request.id"]);
  });

  it("leaves arguments and results out when content capture is off", async () => {
    setContentCapture(false);
    await client.callTool({ name: "lookup_order", arguments: { id: "A-1" } });
    for (const span of (await tracing.spans()).filter((s) => s.name === "tools/call lookup_order")) {
      expect(span.attributes["gen_ai.tool.call.arguments"]).toBeUndefined();
      expect(span.attributes["gen_ai.tool.call.result"]).toBeUndefined();
      expect(span.attributes["gen_ai.tool.name"]).toBe("lookup_order");
    }
  });

  it("describes the connection from options, and instruments a client only once", async () => {
    await client.close();
    await server.close();
    await connect({ name: "warehouse", url: "https://mcp.example.com/mcp", protocolVersion: "2025-06-18" });
    expect(instrumentMcpClient(client)).toBe(client);
    await client.callTool({ name: "lookup_order", arguments: { id: "A-1" } });

    const spans = (await tracing.spans()).filter((span) => span.kind === SpanKind.CLIENT);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attributes).toMatchObject({
      "mcp.server.name": "warehouse",
      "server.address": "mcp.example.com",
      "server.port": 443,
      "network.transport": "tcp",
      "mcp.protocol.version": "2025-06-18",
    });
  });
});
