// LangChain.js + LangGraph.js traced by OpenInference (@arizeai/openinference-instrumentation-langchain) → OTLP/HTTP
// protobuf. ChatOpenAI (@langchain/openai) talks to the local OpenAI mock.
// Scenario: a StateGraph `support_graph`: START → `triage` (a routing function picks the next node) →
// `weather_agent` (a prebuilt ReAct agent subgraph: its `agent` node calls the model, which asks for
// `get_weather`; its `tools` node runs it; the model answers) → END. The run's metadata carries the session
// (`session_id`, which the instrumentation maps to session.id) and the user (`user_id`, which it leaves in
// `metadata`).
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { tool } from "@langchain/core/tools";
import { END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_USAGE, startMockOpenAI } from "./mock-openai-server.mjs";

const SERVICE = "langgraph-emitter";

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE }),
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers }))],
  });
  provider.register();
  new LangChainInstrumentation({ tracerProvider: provider }).manuallyInstrument(CallbackManagerModule);

  const toolArgs = { city: "Lyon" };
  const mock = await startMockOpenAI({ toolArgs: { get_weather: toolArgs } });
  const sessionId = `sess-lg-${RUN_ID}`;
  const userId = `user-lg-${RUN_ID}`;
  const toolResult = { city: "Lyon", forecast: "sunny", celsius: 21 };

  const llm = new ChatOpenAI({ model: "gpt-4o-mini", apiKey: "sk-mock", configuration: { baseURL: mock.baseURL }, maxRetries: 0 });
  const getWeather = tool(async ({ city }) => JSON.stringify({ ...toolResult, city }), {
    name: "get_weather",
    description: "Weather by city",
    schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  });
  const weatherAgent = createReactAgent({ llm, tools: [getWeather], name: "weather_agent", prompt: "You are a weather assistant." });
  const routeQuestion = (state) => (/weather/i.test(String(state.messages.at(-1)?.content)) ? "weather_agent" : END);
  const graph = new StateGraph(MessagesAnnotation)
    .addNode("triage", async () => ({ messages: [] }))
    .addNode("weather_agent", weatherAgent)
    .addEdge(START, "triage")
    .addConditionalEdges("triage", routeQuestion, ["weather_agent", END])
    .addEdge("weather_agent", END)
    .compile({ name: "support_graph" });

  const result = await graph.invoke(
    { messages: [{ role: "user", content: "What is the weather in Lyon?" }] },
    { metadata: { session_id: sessionId, user_id: userId } },
  );

  await provider.forceFlush();
  await Promise.all([provider.shutdown(), mock.close()]);

  const root = recorder.one("support_graph");
  const llmSpans = recorder.spans.filter((s) => s.attributes["openinference.span.kind"] === "LLM");
  const { toolCall, text } = MOCK_USAGE;
  printResult({
    framework: "langgraph",
    serviceName: SERVICE,
    traceId: root.traceId,
    sessionId,
    userId,
    graphName: "support_graph",
    agentName: "weather_agent",
    model: "gpt-4o-mini-2024-07-18",
    provider: "openai",
    llmSpanName: llmSpans[0].name,
    llmCalls: [
      { spanId: llmSpans[0].spanId, inputTokens: toolCall.prompt_tokens, outputTokens: toolCall.completion_tokens, cacheReadTokens: toolCall.cached_tokens },
      { spanId: llmSpans[1].spanId, inputTokens: text.prompt_tokens, outputTokens: text.completion_tokens, cacheReadTokens: text.cached_tokens },
    ],
    totals: {
      inputTokens: toolCall.prompt_tokens + text.prompt_tokens,
      outputTokens: toolCall.completion_tokens + text.completion_tokens,
      llmCallCount: 2,
      toolCallCount: 1,
    },
    tool: { name: "get_weather", input: toolArgs, output: toolResult },
    userMessage: "What is the weather in Lyon?",
    finalText: result.messages.at(-1).content,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
