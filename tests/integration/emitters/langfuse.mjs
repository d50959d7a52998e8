// Langfuse OTel SDK (@langfuse/otel LangfuseSpanProcessor + @langfuse/tracing observations) → its own
// OTLP/HTTP JSON exporter at `${baseUrl}/api/public/otel/v1/traces`, HTTP Basic auth (publicKey:secretKey),
// so the API key goes in as the secret key. No model is called: Langfuse users report usage/cost themselves.
// Scenario: span "support-triage" (trace name, session, user via propagateAttributes) → agent → generation
// with reported cost and cached input → tool → generation without cost (priced by the server).
import { node, resources } from "@opentelemetry/sdk-node";
import { LangfuseSpanProcessor } from "@langfuse/otel";
import { propagateAttributes, startActiveObservation, startObservation } from "@langfuse/tracing";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";

const SERVICE = "langfuse-emitter";
// Langfuse-style usage: `input` excludes the cached part, which has its own key; all keys add up.
const CLASSIFY_USAGE = { input: 176, input_cached_tokens: 1024, output: 24 };
const CLASSIFY_COST = { input: 0.00296, output: 0.00024, total: 0.0032 };
const DRAFT_USAGE = { input: 410, output: 96 };

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const langfuse = new LangfuseSpanProcessor({
    baseUrl: target.url,
    publicKey: "pk-lf-hindsight-it",
    secretKey: target.apiKey,
    environment: "integration",
    mediaUploadEnabled: false,
  });
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE }),
    spanProcessors: [langfuse, recorder],
  });
  provider.register();

  const sessionId = `sess-langfuse-${RUN_ID}`;
  const userId = `user-langfuse-${RUN_ID}`;
  const question = "My invoice INV-88 is wrong";
  const searchResult = { articles: ["billing/corrections"], hits: 1 };
  const reply = "I have opened a correction request for INV-88.";

  await startActiveObservation("support-triage", async (root) => {
    root.update({ input: { question } });
    await propagateAttributes({ sessionId, userId, traceName: "support-triage", tags: ["it"] }, () =>
      startActiveObservation(
        "triage-agent",
        async (agent) => {
          const classify = startObservation(
            "classify-intent",
            { model: "gpt-4o", modelParameters: { temperature: 0 }, input: [{ role: "user", content: question }] },
            { asType: "generation" },
          );
          classify.update({ output: { role: "assistant", content: "billing" }, usageDetails: CLASSIFY_USAGE, costDetails: CLASSIFY_COST }).end();

          const search = startObservation("search-kb", { input: { query: "invoice correction" } }, { asType: "tool" });
          search.update({ output: searchResult }).end();

          const draft = startObservation(
            "draft-reply",
            {
              model: "gpt-4o-mini",
              input: [
                { role: "system", content: "Be brief." },
                { role: "user", content: question },
              ],
            },
            { asType: "generation" },
          );
          draft.update({ output: { role: "assistant", content: reply }, usageDetails: DRAFT_USAGE }).end();
          agent.update({ output: reply });
        },
        { asType: "agent" },
      ),
    );
    root.update({ output: { reply } });
  });

  await provider.forceFlush();
  await provider.shutdown();

  const root = recorder.one("support-triage");
  printResult({
    framework: "langfuse",
    serviceName: SERVICE,
    traceId: root.traceId,
    traceName: "support-triage",
    sessionId,
    userId,
    agentName: "triage-agent",
    // The root is a plain `span` observation: no convention says which kind that is, so not listed.
    kinds: { "triage-agent": "agent", "classify-intent": "llm", "search-kb": "tool", "draft-reply": "llm" },
    generations: {
      "classify-intent": {
        model: "gpt-4o",
        inputTokens: CLASSIFY_USAGE.input + CLASSIFY_USAGE.input_cached_tokens, // converted to the inclusive convention
        outputTokens: CLASSIFY_USAGE.output,
        cacheReadTokens: CLASSIFY_USAGE.input_cached_tokens,
        costUsd: CLASSIFY_COST.total,
        costSource: "reported",
      },
      "draft-reply": { model: "gpt-4o-mini", inputTokens: DRAFT_USAGE.input, outputTokens: DRAFT_USAGE.output, cacheReadTokens: null, costSource: "computed" },
    },
    totals: {
      inputTokens: CLASSIFY_USAGE.input + CLASSIFY_USAGE.input_cached_tokens + DRAFT_USAGE.input,
      outputTokens: CLASSIFY_USAGE.output + DRAFT_USAGE.output,
      llmCallCount: 2,
      toolCallCount: 1,
      minCostUsd: CLASSIFY_COST.total, // plus the computed draft-reply cost
    },
    tool: { name: "search-kb", input: { query: "invoice correction" }, output: searchResult },
    userMessage: question,
    finalText: reply,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
