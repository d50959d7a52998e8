// MCP traced by OpenLLMetry (@traceloop/node-server-sdk 0.27 with @traceloop/instrumentation-mcp 0.27) → its own
// OTLP/HTTP protobuf exporter. A real MCP server (@modelcontextprotocol/sdk McpServer) with one tool, and a
// real MCP client connected to it in process (InMemoryTransport, the SDK's own linked pair).
// Scenario: withWorkflow `forecast_lookup` → client connect (`initialize`) → `tools/list` → `tools/call get_forecast`.
import * as traceloop from "@traceloop/node-server-sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { z } from "zod";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";

const SERVICE = "mcp-openllmetry-emitter";
process.env.OTEL_LOGS_EXPORTER ??= "none";
process.env.OTEL_METRICS_EXPORTER ??= "none";

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  traceloop.initialize({
    appName: SERVICE,
    baseUrl: target.url,
    apiKey: target.apiKey,
    disableBatch: true,
    silenceInitializationMessage: true,
    traceloopSyncEnabled: false,
    instrumentModules: { mcp: { Client } },
    processor: recorder,
  });

  const sessionId = `sess-mcp-${RUN_ID}`;
  const userId = `user-mcp-${RUN_ID}`;
  const toolArgs = { city: "Nantes" };
  const forecast = { city: "Nantes", forecast: "windy", celsius: 12 };
  const server = new McpServer({ name: "weather-server", version: "1.2.0" });
  server.registerTool("get_forecast", { description: "Forecast by city", inputSchema: { city: z.string() } }, async ({ city }) => ({
    content: [{ type: "text", text: JSON.stringify({ ...forecast, city }) }],
  }));
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: "support-bot", version: "0.1.0" });

  const result = await traceloop.withWorkflow({ name: "forecast_lookup", associationProperties: { session_id: sessionId, user_id: userId } }, async () => {
    await client.connect(clientTransport);
    const { tools } = await client.listTools();
    return client.callTool({ name: tools[0].name, arguments: toolArgs });
  });

  await client.close();
  await server.close();
  await traceloop.forceFlush();

  const root = recorder.one("forecast_lookup.workflow");
  printResult({
    framework: "mcp-openllmetry",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    tool: { name: "get_forecast", input: toolArgs, output: forecast },
    resultText: result.content[0].text,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
