// OpenLLMetry (@traceloop/node-server-sdk 0.27 with @traceloop/instrumentation-anthropic 0.27) → its own OTLP/HTTP
// protobuf exporter. The real `@anthropic-ai/sdk` (0.137) talks to the local Anthropic mock, with a cached system prompt.
// Scenario: withWorkflow → withAgent → (messages.create asking for a tool, writing the cache → withTool →
// messages.create answering, reading the cache), association properties session_id/user_id. The SDK's own spans
// are switched off (`openTelemetry: false`) so the fixture holds this instrumentation's spans only.
import * as traceloop from "@traceloop/node-server-sdk";
// @traceloop/instrumentation-anthropic 0.27 patches `Anthropic.Completions`, which SDK 1.x no longer has (it throws
// while patching), so this runs the newest 0.x SDK, installed under an npm alias.
import * as anthropicModule from "anthropic-sdk-v0";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_ANTHROPIC_USAGE, startMockAnthropic } from "./mock-anthropic-server.mjs";

const SERVICE = "traceloop-anthropic-emitter";
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
    instrumentModules: { anthropic: anthropicModule },
    processor: recorder,
  });

  const toolArgs = { sku: "KB-42" };
  const mock = await startMockAnthropic({ toolArgs: { check_stock: toolArgs } });
  const client = new anthropicModule.Anthropic({ apiKey: "sk-ant-mock", baseURL: mock.baseURL, maxRetries: 0, openTelemetry: false });
  const sessionId = `sess-tla-${RUN_ID}`;
  const userId = `user-tla-${RUN_ID}`;
  const toolResult = { sku: "KB-42", inStock: 17 };
  const tools = [{ name: "check_stock", description: "Stock level by SKU", input_schema: { type: "object", properties: { sku: { type: "string" } } } }];
  const system = [{ type: "text", text: "You manage inventory. Answer in one sentence.", cache_control: { type: "ephemeral" } }];

  const answer = await traceloop.withWorkflow({ name: "restock_check", associationProperties: { session_id: sessionId, user_id: userId } }, () =>
    traceloop.withAgent({ name: "inventory_agent" }, async () => {
      const messages = [{ role: "user", content: "Do we have KB-42 in stock?" }];
      const first = await client.messages.create({ model: "claude-haiku-4-5", max_tokens: 512, system, messages, tools });
      const call = first.content.find((block) => block.type === "tool_use");
      const stock = await traceloop.withTool({ name: "check_stock" }, async (args) => ({ ...toolResult, sku: args.sku }), call.input);
      messages.push(
        { role: "assistant", content: first.content },
        { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: JSON.stringify(stock) }] },
      );
      const second = await client.messages.create({ model: "claude-haiku-4-5", max_tokens: 512, system, messages, tools });
      return second.content.find((block) => block.type === "text").text;
    }),
  );

  await traceloop.forceFlush();
  await mock.close();

  const root = recorder.one("restock_check.workflow");
  const llm = recorder.spans.filter((s) => s.attributes["gen_ai.operation.name"] === "chat");
  const { toolUse, text } = MOCK_ANTHROPIC_USAGE;
  const inclusive = (u) => u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens;
  printResult({
    framework: "traceloop-anthropic",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    workflowName: "restock_check",
    agentName: "inventory_agent",
    model: "claude-haiku-4-5-20251001",
    provider: "anthropic",
    llmSpanName: llm[0].name,
    kinds: { "restock_check.workflow": "chain", "inventory_agent.agent": "agent", "check_stock.tool": "tool", [llm[0].name]: "llm" },
    llmCalls: [toolUse, text].map((u, i) => ({
      spanId: llm[i].spanId,
      inputTokens: inclusive(u),
      outputTokens: u.output_tokens,
      cacheReadTokens: u.cache_read_input_tokens,
      cacheWriteTokens: u.cache_creation_input_tokens,
    })),
    totals: { inputTokens: inclusive(toolUse) + inclusive(text), outputTokens: toolUse.output_tokens + text.output_tokens, llmCallCount: 2, toolCallCount: 1 },
    tool: { name: "check_stock", input: toolArgs, output: toolResult },
    userMessage: "Do we have KB-42 in stock?",
    finalText: answer,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
