// Vercel AI SDK (ai@6, legacy `experimental_telemetry` spans) → OTLP/HTTP protobuf, gzip-compressed.
// Trace 1: generateText with a tool round trip (ai.generateText → doGenerate, ai.toolCall, doGenerate).
// Trace 2: embed (ai.embed → ai.embed.doEmbed).
// The models are the SDK's own mocks; their provider/model ids imitate @ai-sdk/openai.
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import { embed, generateText, jsonSchema, stepCountIs, tool } from "ai";
import { MockEmbeddingModelV3, MockLanguageModelV3 } from "ai/test";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";

const SERVICE = "vercel-ai-emitter";
// A test that reads a task's own figures gives it a name no other run on the shared server uses.
const FUNCTION_ID = process.env.EMITTER_FUNCTION_ID ?? "support-agent";
const USAGE = [
  { input: 120, cacheRead: 64, output: 18 }, // step 1: asks for the tool
  { input: 180, cacheRead: 128, output: 42 }, // step 2: answers
];
const EMBED_TOKENS = 9;

const usage = ({ input, cacheRead, output }) => ({
  inputTokens: { total: input, noCache: input - cacheRead, cacheRead, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});
const response = (n) => ({ id: `resp-mock-${n}`, modelId: "gpt-4o-mini-2024-07-18", timestamp: new Date() });

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const exporter = new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers, compression: "gzip" });
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE }),
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(exporter)],
  });
  provider.register();

  const sessionId = `sess-vercel-${RUN_ID}`;
  const userId = `user-vercel-${RUN_ID}`;
  const telemetry = (functionId) => ({ isEnabled: true, functionId, metadata: { sessionId, userId } });

  const model = new MockLanguageModelV3({
    provider: "openai.chat",
    modelId: "gpt-4o-mini",
    doGenerate: [
      {
        content: [{ type: "tool-call", toolCallId: "call_lookupOrder_1", toolName: "lookupOrder", input: JSON.stringify({ orderId: "A-1042" }) }],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage: usage(USAGE[0]),
        response: response(1),
        warnings: [],
      },
      {
        content: [{ type: "text", text: "Order A-1042 has shipped and arrives on 2026-11-24." }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: usage(USAGE[1]),
        response: response(2),
        warnings: [],
      },
    ],
  });

  const toolResult = { orderId: "A-1042", status: "shipped", eta: "2026-11-24" };
  const result = await generateText({
    model,
    system: "You are a support agent. Use tools to look up orders.",
    prompt: "Where is my order A-1042?",
    tools: {
      lookupOrder: tool({
        description: "Look up an order by id",
        inputSchema: jsonSchema({ type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] }),
        execute: async ({ orderId }) => ({ ...toolResult, orderId }),
      }),
    },
    stopWhen: stepCountIs(3),
    experimental_telemetry: telemetry(FUNCTION_ID),
  });

  const embeddingModel = new MockEmbeddingModelV3({
    provider: "openai.embedding",
    modelId: "text-embedding-3-small",
    doEmbed: async ({ values }) => ({ embeddings: values.map(() => [0.1, 0.2, 0.3]), usage: { tokens: EMBED_TOKENS }, warnings: [] }),
  });
  await embed({ model: embeddingModel, value: "where is my order", experimental_telemetry: telemetry("support-search") });

  await provider.forceFlush();
  await provider.shutdown();

  const root = recorder.one("ai.generateText");
  const embedRoot = recorder.one("ai.embed");
  const sum = (key) => USAGE.reduce((n, u) => n + u[key], 0);
  printResult({
    framework: "vercel-ai",
    serviceName: SERVICE,
    traceIds: [root.traceId, embedRoot.traceId],
    traceId: root.traceId,
    embedTraceId: embedRoot.traceId,
    sessionId,
    userId,
    functionId: FUNCTION_ID,
    model: "gpt-4o-mini-2024-07-18",
    requestModel: "gpt-4o-mini",
    provider: "openai",
    rawProvider: "openai.chat",
    kinds: { "ai.generateText": "chain", "ai.generateText.doGenerate": "llm", "ai.toolCall": "tool", "ai.embed": "chain", "ai.embed.doEmbed": "embedding" },
    llmCalls: USAGE.map((u) => ({ inputTokens: u.input, outputTokens: u.output, cacheReadTokens: u.cacheRead })),
    totals: { inputTokens: sum("input"), outputTokens: sum("output"), cacheReadTokens: sum("cacheRead"), llmCallCount: 2, toolCallCount: 1 },
    tool: { name: "lookupOrder", callId: "call_lookupOrder_1", input: { orderId: "A-1042" }, output: toolResult },
    finalText: result.text,
    embedding: { model: "text-embedding-3-small", tokens: EMBED_TOKENS },
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
