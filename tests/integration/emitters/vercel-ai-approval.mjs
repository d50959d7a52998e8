// Vercel AI SDK (ai@6) tool approvals (`needsApproval`) → OTLP/HTTP protobuf. The model is the SDK's own mock.
// Trace 1: generateText → doGenerate asks for `issueRefund`, which needs approval: the call stops with a
// `tool-approval-request` (no tool span). Trace 2: the application sends the user's decision back as a
// `tool-approval-response` (denied, with a reason); the SDK skips the tool, tells the model it was denied
// (an `execution-denied` tool result), and the model answers. Nothing in the SDK's spans marks the denial
// except those prompt parts.
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { node, resources, tracing } from "@opentelemetry/sdk-node";
import { generateText, jsonSchema, stepCountIs, tool } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { getTarget, installDiag, printResult, RecordingSpanProcessor, run, RUN_ID } from "./common.mjs";

const SERVICE = "vercel-ai-approval-emitter";
const usage = (input, output) => ({
  inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});
const response = (n) => ({ id: `resp-mock-${n}`, modelId: "gpt-4o-mini-2024-07-18", timestamp: new Date() });

run(async () => {
  installDiag();
  const target = getTarget();
  const recorder = new RecordingSpanProcessor();
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({ "service.name": SERVICE }),
    spanProcessors: [recorder, new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${target.url}/v1/traces`, headers: target.headers }))],
  });
  provider.register();

  const sessionId = `sess-vapr-${RUN_ID}`;
  const userId = `user-vapr-${RUN_ID}`;
  const telemetry = { isEnabled: true, functionId: "refund-agent", metadata: { sessionId, userId } };
  const refundArgs = { orderId: "A-1042", amountEur: 30 };
  const model = new MockLanguageModelV3({
    provider: "openai.chat",
    modelId: "gpt-4o-mini",
    doGenerate: [
      {
        content: [{ type: "tool-call", toolCallId: "call_issueRefund_1", toolName: "issueRefund", input: JSON.stringify(refundArgs) }],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage: usage(140, 22),
        response: response(1),
        warnings: [],
      },
      {
        content: [{ type: "text", text: "I could not issue the refund: a manager declined it." }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: usage(190, 16),
        response: response(2),
        warnings: [],
      },
    ],
  });
  let refunds = 0;
  const tools = {
    issueRefund: tool({
      description: "Refund an order",
      inputSchema: jsonSchema({ type: "object", properties: { orderId: { type: "string" }, amountEur: { type: "number" } }, required: ["orderId"] }),
      needsApproval: true,
      execute: async () => ({ refunded: ++refunds }),
    }),
  };
  const system = "You are a support agent. Refunds need a manager's approval.";
  const messages = [{ role: "user", content: "Please refund 30 EUR on order A-1042." }];

  const first = await generateText({ model, system, messages, tools, stopWhen: stepCountIs(3), experimental_telemetry: telemetry });
  const request = first.content.find((part) => part.type === "tool-approval-request");
  const reason = "Refunds above 20 EUR need a receipt.";
  const second = await generateText({
    model,
    system,
    messages: [
      ...messages,
      ...first.response.messages,
      { role: "tool", content: [{ type: "tool-approval-response", approvalId: request.approvalId, approved: false, reason }] },
    ],
    tools,
    stopWhen: stepCountIs(3),
    experimental_telemetry: telemetry,
  });

  await provider.forceFlush();
  await provider.shutdown();

  const roots = recorder.all("ai.generateText");
  printResult({
    framework: "vercel-ai-approval",
    serviceName: SERVICE,
    requestTraceId: roots[0].traceId,
    traceId: roots[1].traceId,
    sessionId,
    userId,
    functionId: "refund-agent",
    approval: {
      toolName: "issueRefund",
      toolCallId: request.toolCall.toolCallId,
      approvalId: request.approvalId,
      input: refundArgs,
      decision: "rejected",
      reason,
    },
    toolExecutions: refunds,
    finalText: second.text,
    spans: recorder.spans.map(({ name, traceId, spanId, parentSpanId }) => ({ name, traceId, spanId, parentSpanId })),
  });
});
