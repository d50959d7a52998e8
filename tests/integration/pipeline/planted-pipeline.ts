// A two-agent support pipeline traced by our SDK (instrumentation/) with a real MCP server and client
// (@modelcontextprotocol/sdk over its in-memory transport, context carried in `params._meta`): triage
// answers with gpt-4o-mini and hands off (transfer_to_refunds tool, nested agent run) to refunds, which asks
// gpt-4o, calls the MCP server's lookup_order tool, waits for a human approval and issues the refund.
// Spans are captured in memory and returned as OTLP/JSON, so each test server gets the same bytes.
import { trace } from "@opentelemetry/api";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import * as z from "zod";
import {
  instrumentMcpClient,
  registerHindsight,
  traceAgent,
  traceApproval,
  traceLlmCall,
  traceMcpToolHandler,
  traceTool,
} from "../../../instrumentation/index";

export type PlantedRun = {
  startMs: number;
  llmMs: [number, number];
  approvalMs: number;
  refundFails: boolean;
  model2: string;
  /** The human's answer (default approved, with no approver named). */
  decision?: "approved" | "rejected" | "timed_out" | "escalated";
  approver?: string;
};

export type PlantedPipeline = { task: string; triage: string; refunds: string; server: string; spans: ReadableSpan[] };

/** OTLP/JSON request bodies of `spans`. */
export const otlpJson = (spans: readonly ReadableSpan[]) => Buffer.from(JsonTraceSerializer.serializeRequest([...spans])!);

export async function runPlantedPipeline(runId: string, runs: readonly PlantedRun[]): Promise<PlantedPipeline> {
  const names = { task: `refund_request_${runId}`, triage: `triage_${runId}`, refunds: `refunds_${runId}`, server: `orders_${runId}` };
  const memory = new InMemorySpanExporter();
  const tracer = trace.getTracer("planted-pipeline");
  const handle = registerHindsight({ serviceName: "support-bot", spanProcessors: [new SimpleSpanProcessor(memory)] });
  const mcpServer = new McpServer({ name: names.server, version: "1.0.0" });
  mcpServer.registerTool(
    "lookup_order",
    { inputSchema: { id: z.string() } },
    traceMcpToolHandler("lookup_order", ({ id }) => ({ content: [{ type: "text" as const, text: `order ${id}: 120 USD` }] }), { effect: "read" }),
  );
  const client = instrumentMcpClient(new Client({ name: "support-bot", version: "1.0.0" }));
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await mcpServer.connect(serverTransport);
  await client.connect(clientTransport);
  try {
    for (const run of runs) {
      // A virtual clock: every helper span below inherits it, so durations are exact.
      let now = run.startMs;
      const clock = () => now;
      const llm = (model: string, ms: number) =>
        traceLlmCall({ model, provider: "openai", messages: "Where is my refund?" }, () => {
          now += ms;
          return { usage: { inputTokens: 1000, outputTokens: 200 }, responseModel: model };
        });
      // The root is a plain span: its name is the trace's name, the task.
      await tracer.startActiveSpan(names.task, { startTime: now }, async (root) => {
        await traceAgent(names.triage, { clock, startTime: now }, async () => {
          await llm("gpt-4o-mini", run.llmMs[0]);
          await traceTool("transfer_to_refunds", {}, () => "refunds");
          await traceAgent(names.refunds, {}, async () => {
            await llm(run.model2, run.llmMs[1]);
            await client.callTool({ name: "lookup_order", arguments: { id: "A-17" } });
            await traceApproval("issue_refund", () => {
              now += run.approvalMs;
              return { decision: run.decision ?? ("approved" as const), approver: run.approver };
            });
            try {
              await traceTool(
                "issue_refund",
                { amount: 120 },
                () => {
                  now += 5;
                  if (run.refundFails) throw new Error("payment gateway timeout");
                  return "ok";
                },
                { effect: "write" },
              );
            } catch {
              // The agent reports the failure to the customer instead.
            }
          });
        });
        root.end(now);
      });
    }
    await handle.forceFlush();
    return { ...names, spans: memory.getFinishedSpans() };
  } finally {
    await client.close();
    await mcpServer.close();
    await handle.shutdown();
  }
}
