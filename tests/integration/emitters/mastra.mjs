// Mastra (@mastra/core 0.24) with its own OpenTelemetry exporter (@mastra/otel-exporter 0.3, the newest that
// runs on Node 20) → OTLP/HTTP protobuf. The agent's model is an OpenAI-compatible endpoint: the local
// OpenAI mock, which Mastra calls with streaming on.
// Scenario: agent `support-agent` → model generation (asks for `lookupOrder`) → tool call → model generation
// (answers). Session and user go in the run's tracing metadata (`sessionId`, `userId`), as Mastra documents.
import { Agent } from "@mastra/core/agent";
import { Mastra } from "@mastra/core/mastra";
import { createTool } from "@mastra/core/tools";
import { OtelExporter } from "@mastra/otel-exporter";
import { z } from "zod";
import { getTarget, installDiag, printResult, run, RUN_ID } from "./common.mjs";
import { MOCK_USAGE, startMockOpenAI } from "./mock-openai-server.mjs";

const SERVICE = "mastra-emitter";

run(async () => {
  installDiag();
  const target = getTarget();
  const toolArgs = { orderId: "A-1042" };
  const mock = await startMockOpenAI({ toolArgs: { lookupOrder: toolArgs } });
  const sessionId = `sess-mastra-${RUN_ID}`;
  const userId = `user-mastra-${RUN_ID}`;
  const toolResult = { orderId: "A-1042", status: "shipped", eta: "2026-11-24" };

  const lookupOrder = createTool({
    id: "lookupOrder",
    description: "Look up an order by id",
    inputSchema: z.object({ orderId: z.string() }),
    execute: async ({ context }) => ({ ...toolResult, orderId: context.orderId }),
  });
  const agent = new Agent({
    name: "support-agent",
    instructions: "You are a support agent. Use tools to look up orders.",
    model: { id: "openai/gpt-4o-mini", url: mock.baseURL, apiKey: "sk-mock" },
    tools: { lookupOrder },
  });
  const exporter = new OtelExporter({
    provider: { custom: { endpoint: `${target.url}/v1/traces`, protocol: "http/protobuf", headers: target.headers } },
    timeout: 10_000,
  });
  const mastra = new Mastra({
    agents: { supportAgent: agent },
    observability: { configs: { otel: { serviceName: SERVICE, exporters: [exporter] } } },
    telemetry: { enabled: false }, // the deprecated pre-AI-tracing telemetry
  });

  const result = await mastra.getAgent("supportAgent").generate("Where is my order A-1042?", {
    tracingOptions: { metadata: { sessionId, userId } },
  });

  // The exporter converts each ended span asynchronously (its first span loads the OTLP exporter module), so
  // give the last ones a moment to reach its batch processor before shutting down flushes it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await exporter.shutdown();
  await mock.close();

  const { toolCall, text } = MOCK_USAGE;
  printResult({
    framework: "mastra",
    serviceName: SERVICE,
    traceId: result.traceId,
    sessionId,
    userId,
    agentName: "support-agent",
    model: "gpt-4o-mini-2024-07-18",
    provider: "openai",
    mockUsage: { toolCall, text },
    tool: { name: "lookupOrder", input: toolArgs, output: toolResult },
    userMessage: "Where is my order A-1042?",
    finalText: result.text,
    requests: mock.requests.length,
  });
});
