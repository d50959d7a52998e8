// @opentelemetry/instrumentation-openai 0.21 (GenAI semconv with prompts/completions as OTLP *log* events)
// → /v1/traces and /v1/logs, both protobuf. The `openai` SDK talks to the local mock.
// Scenario: invoke_agent (hand-made, carries gen_ai.conversation.id and user.id) → chat (asks for a tool)
// → execute_tool (hand-made) → chat (answers from the tool result) → embeddings.
// Logs are flushed before spans, so the server sees the events of a span before the span itself.
import { createRequire } from "node:module";
import { metrics, SpanKind, trace } from "@opentelemetry/api";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import { logs, node, resources, tracing } from "@opentelemetry/sdk-node";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_USAGE, startMockOpenAI } from "./mock-openai-server.mjs";

process.env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT ??= "true";
const SERVICE = "openai-official-emitter";

run(async () => {
  installDiag();
  const target = getTarget();
  // Registers a require hook for `openai`, so the SDK must be required (CommonJS) only afterwards.
  const instrumentation = new OpenAIInstrumentation();
  const resource = resources.resourceFromAttributes({ "service.name": SERVICE });
  const recorder = new RecordingSpanProcessor();
  const tracerProvider = new node.NodeTracerProvider({
    resource,
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers }))],
  });
  tracerProvider.register();
  const loggerProvider = new logs.LoggerProvider({
    resource,
    processors: [new logs.BatchLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${target.url}/v1/logs`, headers: target.headers }) })],
  });
  instrumentation.setTracerProvider(tracerProvider);
  instrumentation.setLoggerProvider(loggerProvider);
  // 0.21 declares its histogram fields as class fields, which wipes what the base constructor created:
  // without a second setMeterProvider every result handler throws before recording anything.
  instrumentation.setMeterProvider(metrics.getMeterProvider());
  const { OpenAI } = createRequire(import.meta.url)("openai");

  const toolArgs = { orderId: "A-7" };
  const mock = await startMockOpenAI({ toolArgs: { lookup_order: toolArgs } });
  const client = new OpenAI({ apiKey: "sk-mock", baseURL: mock.baseURL, maxRetries: 0 });
  const tracer = trace.getTracer("support-app");
  const sessionId = `sess-official-${RUN_ID}`;
  const userId = `user-official-${RUN_ID}`;
  const toolResult = { orderId: "A-7", status: "in_transit" };
  const tools = [
    {
      type: "function",
      function: { name: "lookup_order", description: "Look up an order", parameters: { type: "object", properties: { orderId: { type: "string" } } } },
    },
  ];
  const messages = [
    { role: "system", content: "You are a concise support agent." },
    { role: "user", content: "Where is order A-7?" },
  ];

  let answer;
  await tracer.startActiveSpan(
    "invoke_agent support-agent",
    { attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "support-agent", "gen_ai.conversation.id": sessionId, "user.id": userId } },
    async (agentSpan) => {
      const first = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools, temperature: 0 });
      const call = first.choices[0].message.tool_calls[0];
      await tracer.startActiveSpan(
        `execute_tool ${call.function.name}`,
        {
          kind: SpanKind.INTERNAL,
          attributes: {
            "gen_ai.operation.name": "execute_tool",
            "gen_ai.tool.name": call.function.name,
            "gen_ai.tool.call.id": call.id,
            "gen_ai.tool.call.arguments": call.function.arguments,
          },
        },
        async (toolSpan) => {
          toolSpan.setAttribute("gen_ai.tool.call.result", JSON.stringify(toolResult));
          toolSpan.end();
        },
      );
      messages.push(first.choices[0].message, { role: "tool", tool_call_id: call.id, content: JSON.stringify(toolResult) });
      const second = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools, temperature: 0 });
      answer = second.choices[0].message.content;
      await client.embeddings.create({ model: "text-embedding-3-small", input: answer });
      agentSpan.end();
    },
  );

  await loggerProvider.forceFlush();
  await tracerProvider.forceFlush();
  await Promise.all([loggerProvider.shutdown(), tracerProvider.shutdown(), mock.close()]);

  const root = recorder.one("invoke_agent support-agent");
  const [chat1, chat2] = recorder.all("chat gpt-4o-mini");
  const { toolCall, text, embedding } = MOCK_USAGE;
  printResult({
    framework: "openai-official",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    agentName: "support-agent",
    model: "gpt-4o-mini-2024-07-18",
    requestModel: "gpt-4o-mini",
    provider: "openai",
    kinds: {
      "invoke_agent support-agent": "agent",
      "chat gpt-4o-mini": "llm",
      "execute_tool lookup_order": "tool",
      "embeddings text-embedding-3-small": "embedding",
    },
    llmCalls: [
      { spanId: chat1.spanId, inputTokens: toolCall.prompt_tokens, outputTokens: toolCall.completion_tokens, mockCachedTokens: toolCall.cached_tokens },
      { spanId: chat2.spanId, inputTokens: text.prompt_tokens, outputTokens: text.completion_tokens, mockCachedTokens: text.cached_tokens },
    ],
    // The instrumentation does not record cached tokens (mockCachedTokens is what the API answered).
    cacheReadRecorded: false,
    embedding: { spanId: recorder.one("embeddings text-embedding-3-small").spanId, model: "text-embedding-3-small", inputTokens: embedding.prompt_tokens },
    totals: {
      inputTokens: toolCall.prompt_tokens + text.prompt_tokens + embedding.prompt_tokens,
      outputTokens: toolCall.completion_tokens + text.completion_tokens,
      llmCallCount: 3, // llm and embedding spans
      toolCallCount: 1,
    },
    tool: { name: "lookup_order", input: toolArgs, output: toolResult },
    logEvents: {
      [chat1.spanId]: ["gen_ai.system.message", "gen_ai.user.message", "gen_ai.choice"],
      [chat2.spanId]: ["gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message", "gen_ai.tool.message", "gen_ai.choice"],
    },
    userMessage: "Where is order A-7?",
    finalText: answer,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
