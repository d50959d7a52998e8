// OpenLLMetry (@traceloop/node-server-sdk 0.27) → its own OTLP/HTTP protobuf exporter, which it builds
// from `baseUrl` (+ "/v1/traces") and `apiKey` (Authorization: Bearer). disableBatch = one export per span.
// Scenario: withWorkflow → withAgent → (OpenAI chat asking for a tool → withTool → OpenAI chat answering),
// with association properties session_id/user_id. The `openai` SDK talks to the local mock.
import * as traceloop from "@traceloop/node-server-sdk";
import OpenAI from "openai";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_USAGE, startMockOpenAI } from "./mock-openai-server.mjs";

const SERVICE = "openllmetry-emitter";
// Its NodeSDK would otherwise also set up default OTLP log/metric exporters towards localhost:4318.
process.env.OTEL_LOGS_EXPORTER ??= "none";
process.env.OTEL_METRICS_EXPORTER ??= "none";
process.env.TRACELOOP_TELEMETRY ??= "false"; // no-op in the JS SDK 0.27 (it has no usage telemetry), kept for safety

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  traceloop.initialize({
    appName: SERVICE,
    baseUrl: target.url,
    apiKey: target.apiKey,
    disableBatch: true,
    silenceInitializationMessage: true, // it would print to stdout
    traceloopSyncEnabled: false, // no prompt registry polling
    instrumentModules: { openAI: OpenAI }, // only this instrumentation, patched on the ESM class
    processor: recorder,
  });

  const toolArgs = { sku: "KB-42" };
  const mock = await startMockOpenAI({ toolArgs: { check_stock: toolArgs } });
  const client = new OpenAI({ apiKey: "sk-mock", baseURL: mock.baseURL, maxRetries: 0 });
  const sessionId = `sess-traceloop-${RUN_ID}`;
  const userId = `user-traceloop-${RUN_ID}`;
  const toolResult = { sku: "KB-42", inStock: 17 };
  const tools = [
    {
      type: "function",
      function: { name: "check_stock", description: "Stock level by SKU", parameters: { type: "object", properties: { sku: { type: "string" } } } },
    },
  ];

  const answer = await traceloop.withWorkflow({ name: "restock_check", associationProperties: { session_id: sessionId, user_id: userId } }, () =>
    traceloop.withAgent({ name: "inventory_agent" }, async () => {
      const messages = [
        { role: "system", content: "You manage inventory." },
        { role: "user", content: "Do we have KB-42 in stock?" },
      ];
      const first = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
      const call = first.choices[0].message.tool_calls[0];
      const stock = await traceloop.withTool({ name: "check_stock" }, async (args) => ({ ...toolResult, sku: args.sku }), JSON.parse(call.function.arguments));
      messages.push(first.choices[0].message, { role: "tool", tool_call_id: call.id, content: JSON.stringify(stock) });
      const second = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
      return second.choices[0].message.content;
    }),
  );

  await traceloop.forceFlush();
  await mock.close();

  const root = recorder.one("restock_check.workflow");
  const llm = recorder.spans.filter((s) => s.attributes["gen_ai.operation.name"] === "chat");
  const { toolCall, text } = MOCK_USAGE;
  printResult({
    framework: "openllmetry",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    workflowName: "restock_check",
    agentName: "inventory_agent",
    model: "gpt-4o-mini-2024-07-18",
    requestModel: "gpt-4o-mini",
    provider: "openai",
    kinds: { "restock_check.workflow": "chain", "inventory_agent.agent": "agent", "check_stock.tool": "tool", [llm[0].name]: "llm" },
    llmSpanName: llm[0].name,
    llmCalls: [
      { spanId: llm[0].spanId, inputTokens: toolCall.prompt_tokens, outputTokens: toolCall.completion_tokens, mockCachedTokens: toolCall.cached_tokens },
      { spanId: llm[1].spanId, inputTokens: text.prompt_tokens, outputTokens: text.completion_tokens, mockCachedTokens: text.cached_tokens },
    ],
    totals: {
      inputTokens: toolCall.prompt_tokens + text.prompt_tokens,
      outputTokens: toolCall.completion_tokens + text.completion_tokens,
      llmCallCount: 2,
      toolCallCount: 1,
    },
    tool: { name: "check_stock", input: toolArgs, output: toolResult },
    userMessage: "Do we have KB-42 in stock?",
    finalText: answer,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
