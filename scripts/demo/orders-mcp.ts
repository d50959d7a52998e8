/**
 * The orders service as a real MCP server (the official @modelcontextprotocol/sdk), reached by an MCP
 * client over the SDK's in-memory transport: offline, in-process, no ports. The client is instrumented with
 * `instrumentMcpClient` and the server's tools with `traceMcpToolHandler`, so each call is a client span and
 * a server span of the same trace, as a deployed MCP server would send them. Tools advance the run's
 * virtual clock instead of sleeping.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import * as z from "zod";
import { instrumentMcpClient, traceMcpToolHandler } from "../../instrumentation/index";
import type { ScenarioContext } from "./scenario-context";

/** The MCP server's name: what the pipeline map and the tool-call audit show. */
export const ORDERS_MCP_SERVER = "orders-mcp";

export type RefundVerdict = { eligible: boolean; amount: number; currency: string; reason: string };

export type OrdersMcp = {
  checkRefundEligibility(orderId: string, amount: number): Promise<RefundVerdict>;
};

function readJsonResult(result: unknown): unknown {
  const content = typeof result === "object" && result !== null && "content" in result ? result.content : undefined;
  const first = Array.isArray(content) ? (content[0] as unknown) : undefined;
  const text = typeof first === "object" && first !== null && "text" in first ? first.text : undefined;
  if (typeof text !== "string") throw new Error("orders MCP server answered without text content");
  return JSON.parse(text);
}

/** Connects a fresh orders MCP server and client for one run, runs `fn` with it, and closes both. */
export async function withOrdersMcp<T>(ctx: ScenarioContext, fn: (orders: OrdersMcp) => Promise<T>): Promise<T> {
  const server = new McpServer({ name: ORDERS_MCP_SERVER, version: "2.3.0" });
  server.registerTool(
    "check_refund_eligibility",
    { description: "Whether an order can be refunded, and how much", inputSchema: { orderId: z.string(), amount: z.number() } },
    traceMcpToolHandler(
      "check_refund_eligibility",
      ({ amount }: { orderId: string; amount: number }) => {
        ctx.clock.advance(ctx.rng.int(60, 400));
        const verdict: RefundVerdict = { eligible: true, amount, currency: "USD", reason: "within 30-day window" };
        return { content: [{ type: "text" as const, text: JSON.stringify(verdict) }] };
      },
      { effect: "read", protocolVersion: "2025-06-18", clock: ctx.clock.now },
    ),
  );
  const client = instrumentMcpClient(new Client({ name: "refunds-agent", version: "0.9.0" }), {
    transport: "pipe",
    toolEffects: { check_refund_eligibility: "read" },
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  try {
    return await fn({
      checkRefundEligibility: async (orderId, amount) =>
        readJsonResult(await client.callTool({ name: "check_refund_eligibility", arguments: { orderId, amount } })) as RefundVerdict,
    });
  } finally {
    await client.close();
    await server.close();
  }
}
