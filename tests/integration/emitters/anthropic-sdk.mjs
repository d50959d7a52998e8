// The Anthropic SDK's own OpenTelemetry spans (`@anthropic-ai/sdk` 1.x, scope `com.anthropic.sdk.typescript`)
// → OTLP/HTTP protobuf. No instrumentation library: the SDK traces itself, here with content capture on.
// Scenario: the Messages tool runner (`anthropic.messages.tool_runner`, an invoke_agent span) → chat (text +
// tool_use; writes the prompt cache) → the runner's tool run (`anthropic.custom_tool_use get_weather`) → chat
// (reads the cache; answers). The real SDK talks to the local Anthropic mock. A parent span carries the
// session and user as `session.id`/`user.id` (the SDK itself only sets `gen_ai.conversation.id`, given here).
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import Anthropic from "@anthropic-ai/sdk";
import { betaTool } from "@anthropic-ai/sdk/helpers/beta/json-schema";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_ANTHROPIC_USAGE, startMockAnthropic } from "./mock-anthropic-server.mjs";

const SERVICE = "anthropic-sdk-emitter";

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE }),
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers }))],
  });
  provider.register();

  const toolArgs = { city: "Oslo" };
  const mock = await startMockAnthropic({ toolArgs: { get_weather: toolArgs } });
  const client = new Anthropic({
    apiKey: "sk-ant-mock",
    baseURL: mock.baseURL,
    maxRetries: 0,
    openTelemetry: { tracerProvider: provider, traces: { contentMode: "content" } },
  });
  const sessionId = `sess-asdk-${RUN_ID}`;
  const userId = `user-asdk-${RUN_ID}`;
  const toolResult = { city: "Oslo", forecast: "snow", celsius: -3 };
  const getWeather = betaTool({
    name: "get_weather",
    description: "Weather by city",
    inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    run: async (input) => JSON.stringify({ ...toolResult, city: input.city }),
  });

  const tracer = provider.getTracer("support-app");
  const answer = await tracer.startActiveSpan("support-turn", { attributes: { "session.id": sessionId, "user.id": userId } }, async (span) => {
    const runner = client.beta.messages.toolRunner(
      {
        model: "claude-sonnet-4-5",
        max_tokens: 512,
        system: [{ type: "text", text: "You are a weather assistant. Answer in one sentence.", cache_control: { type: "ephemeral" } }],
        messages: [{ role: "user", content: "What is the weather in Oslo?" }],
        tools: [getWeather],
      },
      { openTelemetry: { conversationId: sessionId } },
    );
    const final = await runner.runUntilDone();
    span.end();
    return final.content.find((block) => block.type === "text").text;
  });

  await provider.forceFlush();
  await Promise.all([provider.shutdown(), mock.close()]);

  const root = recorder.one("support-turn");
  const llm = recorder.spans.filter((s) => s.attributes["gen_ai.operation.name"] === "chat");
  const toolSpan = recorder.spans.find((s) => s.attributes["gen_ai.operation.name"] === "execute_tool");
  const runnerSpan = recorder.spans.find((s) => s.attributes["gen_ai.operation.name"] === "invoke_agent");
  const { toolUse, text } = MOCK_ANTHROPIC_USAGE;
  const inclusive = (u) => u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens;
  printResult({
    framework: "anthropic-sdk",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    model: "claude-sonnet-4-5-20250929",
    provider: "anthropic",
    llmSpanName: llm[0].name,
    toolSpanName: toolSpan.name,
    runnerSpanName: runnerSpan.name,
    kinds: { "support-turn": "other", [runnerSpan.name]: "agent", [llm[0].name]: "llm", [toolSpan.name]: "tool" },
    llmCalls: [toolUse, text].map((u, i) => ({
      spanId: llm[i].spanId,
      inputTokens: inclusive(u),
      outputTokens: u.output_tokens,
      cacheReadTokens: u.cache_read_input_tokens,
      cacheWriteTokens: u.cache_creation_input_tokens,
    })),
    totals: { inputTokens: inclusive(toolUse) + inclusive(text), outputTokens: toolUse.output_tokens + text.output_tokens, llmCallCount: 2, toolCallCount: 1 },
    tool: { name: "get_weather", callId: toolSpan.attributes["gen_ai.tool.call.id"], input: toolArgs, output: toolResult },
    userMessage: "What is the weather in Oslo?",
    finalText: answer,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
