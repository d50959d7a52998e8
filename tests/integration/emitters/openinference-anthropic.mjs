// OpenInference (@arizeai/openinference-instrumentation-anthropic) → OTLP/HTTP protobuf. The real
// `@anthropic-ai/sdk` talks to the local Anthropic mock, with a cached system prompt.
// Scenario: AGENT (traceAgent) → LLM (answers with text + tool_use; writes the prompt cache) → TOOL (traceTool)
// → LLM (reads the cache; answers). The SDK's own spans are switched off (`openTelemetry: false`) so the
// fixture holds this instrumentation's spans only (anthropic-sdk.mjs captures those).
import { context } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import { setSession, setUser, traceAgent, traceTool } from "@arizeai/openinference-core";
import { AnthropicInstrumentation } from "@arizeai/openinference-instrumentation-anthropic";
import * as anthropicModule from "@anthropic-ai/sdk";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_ANTHROPIC_USAGE, startMockAnthropic } from "./mock-anthropic-server.mjs";

const SERVICE = "openinference-anthropic-emitter";

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE }),
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers }))],
  });
  provider.register();
  new AnthropicInstrumentation({ tracerProvider: provider }).manuallyInstrument(anthropicModule);

  const toolArgs = { city: "Paris" };
  const mock = await startMockAnthropic({ toolArgs: { get_weather: toolArgs } });
  const client = new anthropicModule.Anthropic({ apiKey: "sk-ant-mock", baseURL: mock.baseURL, maxRetries: 0, openTelemetry: false });
  const sessionId = `sess-oia-${RUN_ID}`;
  const userId = `user-oia-${RUN_ID}`;
  const toolResult = { city: "Paris", forecast: "rain", celsius: 14 };
  const tools = [
    { name: "get_weather", description: "Weather by city", input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
  ];
  const system = [{ type: "text", text: "You are a weather assistant. Answer in one sentence.", cache_control: { type: "ephemeral" } }];

  const getWeather = traceTool(async (args) => ({ ...toolResult, city: args.city }), { name: "get_weather", attributes: { "tool.name": "get_weather" } });
  const agent = traceAgent(
    (question) =>
      context.with(setUser(setSession(context.active(), { sessionId }), { userId }), async () => {
        const messages = [{ role: "user", content: question }];
        const first = await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, system, messages, tools });
        const call = first.content.find((block) => block.type === "tool_use");
        const result = await getWeather(call.input);
        messages.push(
          { role: "assistant", content: first.content },
          { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: JSON.stringify(result) }] },
        );
        const second = await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, system, messages, tools });
        return second.content.find((block) => block.type === "text").text;
      }),
    { name: "weather-agent", attributes: { "agent.name": "weather-agent" } },
  );
  const answer = await agent("What is the weather in Paris?");

  await provider.forceFlush();
  await Promise.all([provider.shutdown(), mock.close()]);

  const root = recorder.one("weather-agent");
  const llm = recorder.spans.filter((s) => s.attributes["openinference.span.kind"] === "LLM");
  const { toolUse, text } = MOCK_ANTHROPIC_USAGE;
  const inclusive = (u) => u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens;
  printResult({
    framework: "openinference-anthropic",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    agentName: "weather-agent",
    model: "claude-sonnet-4-5-20250929",
    provider: "anthropic",
    llmSpanName: llm[0].name,
    kinds: { "weather-agent": "agent", [llm[0].name]: "llm", get_weather: "tool" },
    llmCalls: [toolUse, text].map((u, i) => ({
      spanId: llm[i].spanId,
      inputTokens: inclusive(u),
      outputTokens: u.output_tokens,
      cacheReadTokens: u.cache_read_input_tokens,
      cacheWriteTokens: u.cache_creation_input_tokens,
    })),
    totals: { inputTokens: inclusive(toolUse) + inclusive(text), outputTokens: toolUse.output_tokens + text.output_tokens, llmCallCount: 2, toolCallCount: 1 },
    tool: { name: "get_weather", input: toolArgs, output: toolResult },
    userMessage: "What is the weather in Paris?",
    finalText: answer,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
