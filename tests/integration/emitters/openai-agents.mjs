// OpenAI Agents SDK (@openai/agents) bridged to OpenTelemetry by OpenInference
// (@arizeai/openinference-instrumentation-openai-agents, which replaces the SDK's own trace processors) →
// OTLP/HTTP protobuf. The SDK's models use Chat Completions against the local OpenAI mock.
// Scenario: a workflow `support-desk` where `triage` hands off to `billing` (the model calls
// `transfer_to_billing`), and `billing` calls `lookup_invoice`, then answers. The run carries a group id
// (the conversation) and metadata with the user.
import * as agents from "@openai/agents";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import { OpenAIAgentsInstrumentation } from "@arizeai/openinference-instrumentation-openai-agents";
import { z } from "zod";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";
import { MOCK_USAGE, startMockOpenAI } from "./mock-openai-server.mjs";

const SERVICE = "openai-agents-emitter";

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE }),
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers }))],
  });
  provider.register();
  new OpenAIAgentsInstrumentation({ tracerProvider: provider }).manuallyInstrument(agents);
  // The SDK turns its tracing off when NODE_ENV is "test" (as under Vitest); this run is about its traces.
  agents.setTracingDisabled(false);

  const toolArgs = { invoiceId: "INV-7" };
  const mock = await startMockOpenAI({ toolArgs: { lookup_invoice: toolArgs } });
  process.env.OPENAI_BASE_URL = mock.baseURL;
  agents.setDefaultOpenAIKey("sk-mock");
  agents.setOpenAIAPI("chat_completions");

  const sessionId = `sess-oaa-${RUN_ID}`;
  const userId = `user-oaa-${RUN_ID}`;
  const toolResult = { invoiceId: "INV-7", amountEur: 42.5, status: "paid" };
  const lookupInvoice = agents.tool({
    name: "lookup_invoice",
    description: "Invoice by id",
    parameters: z.object({ invoiceId: z.string() }),
    execute: async ({ invoiceId }) => JSON.stringify({ ...toolResult, invoiceId }),
  });
  const billing = new agents.Agent({ name: "billing", instructions: "You answer billing questions.", model: "gpt-4o-mini", tools: [lookupInvoice] });
  const triage = new agents.Agent({ name: "triage", instructions: "Route the user to the right agent.", model: "gpt-4o-mini", handoffs: [billing] });

  const result = await agents.withTrace("support-desk", () => agents.run(triage, "Was invoice INV-7 paid?"), {
    groupId: sessionId,
    metadata: { user_id: userId },
  });

  await agents.getGlobalTraceProvider().forceFlush();
  await provider.forceFlush();
  await Promise.all([provider.shutdown(), mock.close()]);

  const root = recorder.spans.find((s) => s.parentSpanId === null || s.parentSpanId === undefined);
  const llm = recorder.spans.filter((s) => s.attributes["openinference.span.kind"] === "LLM");
  const { toolCall, text } = MOCK_USAGE;
  printResult({
    framework: "openai-agents",
    serviceName: SERVICE,
    traceId: root.traceId,
    rootName: root.name,
    sessionId,
    userId,
    workflowName: "support-desk",
    agentName: "triage",
    handoff: { from: "triage", to: "billing" },
    model: "gpt-4o-mini-2024-07-18",
    provider: "openai",
    llmCalls: llm.map((s) => ({ spanId: s.spanId })),
    mockUsage: { toolCall, text },
    tool: { name: "lookup_invoice", input: toolArgs, output: toolResult },
    userMessage: "Was invoice INV-7 paid?",
    finalText: result.finalOutput,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
