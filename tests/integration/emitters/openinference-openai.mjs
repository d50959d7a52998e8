// OpenInference (@arizeai/openinference-instrumentation-openai) → OTLP/HTTP **JSON**
// (@opentelemetry/exporter-trace-otlp-http). The `openai` SDK talks to the local mock.
// Scenario: AGENT span (traceAgent) → [session/user set in context from here on] → LLM (asks for a
// tool) → TOOL (traceTool) → LLM (answers) → EMBEDDING. The agent and tool spans start outside the
// session context, so they carry no session.id themselves: the server must inherit it.
import { context } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import { setSession, setUser, traceAgent, traceTool } from "@arizeai/openinference-core";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import * as openaiModule from "openai";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_USAGE, startMockOpenAI } from "./mock-openai-server.mjs";

const SERVICE = "openinference-emitter";

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE, "openinference.project.name": "hindsight-it" }),
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers }))],
  });
  provider.register();
  // ESM imports bypass require hooks: patch the already-loaded module explicitly.
  new OpenAIInstrumentation({ tracerProvider: provider }).manuallyInstrument(openaiModule);

  const toolArgs = { city: "Lyon" };
  const mock = await startMockOpenAI({ toolArgs: { get_weather: toolArgs } });
  const client = new openaiModule.OpenAI({ apiKey: "sk-mock", baseURL: mock.baseURL, maxRetries: 0 });
  const sessionId = `sess-oi-${RUN_ID}`;
  const userId = `user-oi-${RUN_ID}`;
  const toolResult = { city: "Lyon", forecast: "sunny", celsius: 21 };
  const tools = [
    {
      type: "function",
      function: { name: "get_weather", description: "Weather by city", parameters: { type: "object", properties: { city: { type: "string" } } } },
    },
  ];

  // traceTool/traceAgent set neither tool.name nor agent.name; OpenInference users add them as attributes.
  const getWeather = traceTool(async (args) => ({ ...toolResult, city: args.city }), { name: "get_weather", attributes: { "tool.name": "get_weather" } });
  // Only the model calls run in the session/user context (see header).
  const withSession = (fn) => context.with(setUser(setSession(context.active(), { sessionId }), { userId }), fn);
  const agent = traceAgent(
    async (question) => {
      const messages = [
        { role: "system", content: "You are a weather assistant." },
        { role: "user", content: question },
      ];
      const first = await withSession(() => client.chat.completions.create({ model: "gpt-4o", messages, tools }));
      const call = first.choices[0].message.tool_calls[0];
      const result = await getWeather(JSON.parse(call.function.arguments));
      messages.push(first.choices[0].message, { role: "tool", tool_call_id: call.id, content: JSON.stringify(result) });
      const second = await withSession(() => client.chat.completions.create({ model: "gpt-4o", messages, tools }));
      await withSession(() => client.embeddings.create({ model: "text-embedding-3-small", input: question }));
      return second.choices[0].message.content;
    },
    { name: "weather-agent", attributes: { "agent.name": "weather-agent" } },
  );
  const answer = await agent("What is the weather in Lyon?");

  await provider.forceFlush();
  await Promise.all([provider.shutdown(), mock.close()]);

  const root = recorder.one("weather-agent");
  const llm = recorder.all("OpenAI Chat Completions");
  const { toolCall, text, embedding } = MOCK_USAGE;
  printResult({
    framework: "openinference",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    agentName: "weather-agent",
    model: "gpt-4o-2024-08-06",
    requestModel: "gpt-4o",
    provider: "openai",
    kinds: { "weather-agent": "agent", "OpenAI Chat Completions": "llm", get_weather: "tool", "OpenAI Embeddings": "embedding" },
    spansWithoutSession: ["weather-agent", "get_weather"],
    llmCalls: [
      { spanId: llm[0].spanId, inputTokens: toolCall.prompt_tokens, outputTokens: toolCall.completion_tokens, cacheReadTokens: toolCall.cached_tokens },
      { spanId: llm[1].spanId, inputTokens: text.prompt_tokens, outputTokens: text.completion_tokens, cacheReadTokens: text.cached_tokens },
    ],
    // The instrumentation records no usage on embedding spans.
    embedding: { model: "text-embedding-3-small", inputTokens: null, mockTokens: embedding.prompt_tokens },
    totals: {
      inputTokens: toolCall.prompt_tokens + text.prompt_tokens,
      outputTokens: toolCall.completion_tokens + text.completion_tokens,
      llmCallCount: 3, // llm and embedding spans
      toolCallCount: 1,
    },
    tool: { name: "get_weather", input: toolArgs, output: toolResult },
    userMessage: "What is the weather in Lyon?",
    finalText: answer,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
