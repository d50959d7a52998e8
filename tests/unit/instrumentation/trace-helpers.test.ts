import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { createTextMessage, traceAgent, traceLlmCall, traceMcpTool, traceTool } from "../../../instrumentation/index";
import type { LlmRequest, LlmResponse, OutputMessage } from "../../../instrumentation/index";
import { parseJsonAttribute, setupMemoryTracing } from "./support/memory-tracing";

const tracing = setupMemoryTracing();

const answer: OutputMessage = { ...createTextMessage("assistant", "Your order shipped."), finish_reason: "stop" };
const toolCallAnswer: OutputMessage = {
  role: "assistant",
  parts: [{ type: "tool_call", id: "call_1", name: "lookup_order", arguments: { orderId: "A-1" } }],
  finish_reason: "tool_call",
};

type LlmCase = {
  name: string;
  request: LlmRequest;
  response: LlmResponse;
  spanName: string;
  attributes: Record<string, unknown>;
  absent?: string[];
  inputMessages: unknown;
  outputMessages?: unknown;
};

const llmCases: LlmCase[] = [
  {
    name: "chat with a string prompt, request params and full usage",
    request: { model: "gpt-4o", provider: "openai", messages: "Where is my order?", temperature: 0.2, maxTokens: 512, systemInstructions: "Be brief." },
    response: {
      outputMessages: [answer],
      responseModel: "gpt-4o-2024-08-06",
      responseId: "chatcmpl-1",
      usage: { inputTokens: 1200, outputTokens: 80, cacheReadInputTokens: 1024, cacheCreationInputTokens: 0, reasoningOutputTokens: 12 },
    },
    spanName: "chat gpt-4o",
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.max_tokens": 512,
      "gen_ai.response.model": "gpt-4o-2024-08-06",
      "gen_ai.response.id": "chatcmpl-1",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 1200,
      "gen_ai.usage.output_tokens": 80,
      "gen_ai.usage.cache_read.input_tokens": 1024,
      "gen_ai.usage.cache_creation.input_tokens": 0,
      "gen_ai.usage.reasoning.output_tokens": 12,
    },
    inputMessages: [{ role: "user", parts: [{ type: "text", content: "Where is my order?" }] }],
    outputMessages: [{ role: "assistant", parts: [{ type: "text", content: "Your order shipped." }], finish_reason: "stop" }],
  },
  {
    name: "structured messages with a tool call answer and explicit finish reasons",
    request: {
      model: "claude-sonnet-4",
      provider: "anthropic",
      messages: [createTextMessage("user", "Refund A-1"), { role: "tool", parts: [{ type: "tool_call_response", id: "c0", response: { ok: true } }] }],
    },
    response: { outputMessages: [toolCallAnswer], finishReasons: ["tool_call"], usage: { inputTokens: 50, outputTokens: 20 } },
    spanName: "chat claude-sonnet-4",
    attributes: { "gen_ai.provider.name": "anthropic", "gen_ai.response.finish_reasons": ["tool_call"], "gen_ai.usage.input_tokens": 50 },
    absent: ["gen_ai.usage.cache_read.input_tokens", "gen_ai.response.model", "gen_ai.system_instructions", "gen_ai.request.temperature"],
    inputMessages: [
      { role: "user", parts: [{ type: "text", content: "Refund A-1" }] },
      { role: "tool", parts: [{ type: "tool_call_response", id: "c0", response: { ok: true } }] },
    ],
    outputMessages: [toolCallAnswer],
  },
  {
    name: "another operation and no response details",
    request: { model: "gemini-2.5-flash", provider: "gcp.gemini", messages: "Summarise", operation: "generate_content" },
    response: {},
    spanName: "generate_content gemini-2.5-flash",
    attributes: { "gen_ai.operation.name": "generate_content", "gen_ai.request.model": "gemini-2.5-flash" },
    absent: ["gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.output.messages", "gen_ai.response.finish_reasons"],
    inputMessages: [{ role: "user", parts: [{ type: "text", content: "Summarise" }] }],
  },
];

describe("traceLlmCall", () => {
  it.each(llmCases)("$name", async ({ request, response, spanName, attributes, absent, inputMessages, outputMessages }) => {
    const result = await traceLlmCall(request, () => ({ ...response, raw: "passed through" }));

    expect(result.raw).toBe("passed through");
    const span = await tracing.span(spanName);
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject(attributes);
    for (const key of absent ?? []) expect(span.attributes).not.toHaveProperty(key);
    expect(parseJsonAttribute(span, "gen_ai.input.messages")).toEqual(inputMessages);
    if (outputMessages) expect(parseJsonAttribute(span, "gen_ai.output.messages")).toEqual(outputMessages);
  });

  it("records system instructions as a list of parts", async () => {
    await traceLlmCall({ model: "gpt-4o-mini", provider: "openai", messages: "hi", systemInstructions: "You are terse." }, () => ({}));
    expect(parseJsonAttribute(await tracing.span("chat gpt-4o-mini"), "gen_ai.system_instructions")).toEqual([{ type: "text", content: "You are terse." }]);
  });
});

describe("traceAgent", () => {
  it("names the span invoke_agent {name} and records identity, input and output", async () => {
    const value = await traceAgent(
      "support-triage",
      { id: "agent_7", version: "2", description: "Routes tickets", conversationId: "conv_1", provider: "openai", model: "gpt-4o", input: "Help" },
      (agent) => {
        agent.setOutput("Done");
        return 42;
      },
    );

    expect(value).toBe(42);
    const span = await tracing.span("invoke_agent support-triage");
    expect(span.kind).toBe(SpanKind.INTERNAL);
    expect(span.attributes).toMatchObject({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "support-triage",
      "gen_ai.agent.id": "agent_7",
      "gen_ai.agent.version": "2",
      "gen_ai.agent.description": "Routes tickets",
      "gen_ai.conversation.id": "conv_1",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
    });
    expect(parseJsonAttribute(span, "gen_ai.input.messages")).toEqual([{ role: "user", parts: [{ type: "text", content: "Help" }] }]);
    expect(parseJsonAttribute(span, "gen_ai.output.messages")).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "Done" }], finish_reason: "stop" },
    ]);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });
});

describe("traceTool", () => {
  it.each([
    { name: "object result", args: { orderId: "A-1" }, result: { status: "shipped", eta: "2d" } },
    { name: "string result", args: { q: "refund policy" }, result: "30 days" },
    { name: "array arguments", args: ["a", 1], result: [1, 2] },
  ])("records arguments and result as JSON ($name)", async ({ args, result }) => {
    const returned = await traceTool("lookup_order", args, () => result, { callId: "call_9", description: "Looks up orders" });

    expect(returned).toEqual(result);
    const span = await tracing.span("execute_tool lookup_order");
    expect(span.kind).toBe(SpanKind.INTERNAL);
    expect(span.attributes).toMatchObject({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "lookup_order",
      "gen_ai.tool.type": "function",
      "gen_ai.tool.call.id": "call_9",
      "gen_ai.tool.description": "Looks up orders",
    });
    expect(parseJsonAttribute(span, "gen_ai.tool.call.arguments")).toEqual(args);
    expect(parseJsonAttribute(span, "gen_ai.tool.call.result")).toEqual(result);
  });

  it("records no result for a void tool and survives unserialisable arguments", async () => {
    const cyclic: Record<string, unknown> = { big: 10n };
    cyclic.self = cyclic;
    await traceTool("notify", cyclic, () => undefined);

    const span = await tracing.span("execute_tool notify");
    expect(span.attributes).not.toHaveProperty("gen_ai.tool.call.result");
    expect(span.attributes["gen_ai.tool.call.arguments"]).toBe("[object Object]");
  });
});

class RefundDeclinedError extends Error {}

describe("errors", () => {
  it.each([
    { name: "TypeError", thrown: new TypeError("bad input"), errorType: "TypeError", message: "bad input" },
    { name: "subclass without a name", thrown: new RefundDeclinedError("card expired"), errorType: "RefundDeclinedError", message: "card expired" },
    { name: "non-Error value", thrown: "plain string", errorType: "_OTHER", message: "plain string" },
  ])("marks the span failed and rethrows ($name)", async ({ thrown, errorType, message }) => {
    const run = traceTool("issue_refund", { amount: 10 }, () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error value is the case under test
      throw thrown;
    });

    await expect(run).rejects.toBe(thrown);
    const span = await tracing.span("execute_tool issue_refund");
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message });
    expect(span.attributes["error.type"]).toBe(errorType);
    expect(span.attributes).not.toHaveProperty("gen_ai.tool.call.result");
    const exception = span.events.find((event) => event.name === "exception");
    expect(exception?.attributes?.["exception.message"]).toBe(message);
    expect(span.ended).toBe(true);
  });

  it.each([
    { helper: "traceAgent", run: () => traceAgent("a", {}, () => Promise.reject(new RangeError("x"))), spanName: "invoke_agent a" },
    {
      helper: "traceLlmCall",
      run: () => traceLlmCall({ model: "m", provider: "p", messages: "q" }, () => Promise.reject(new RangeError("x"))),
      spanName: "chat m",
    },
    { helper: "traceMcpTool", run: () => traceMcpTool("srv", "t", {}, () => Promise.reject(new RangeError("x"))), spanName: "tools/call t" },
  ])("$helper records async rejections", async ({ run, spanName }) => {
    await expect(run()).rejects.toThrow(RangeError);
    const span = await tracing.span(spanName);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes["error.type"]).toBe("RangeError");
  });
});

describe("traceMcpTool", () => {
  it("follows the MCP client span conventions", async () => {
    const server = { name: "github", address: "mcp.example.com", port: 443, transport: "tcp" as const, protocolVersion: "2025-06-18", sessionId: "mcp_s1" };
    let meta: Record<string, string> = {};
    let ids = { traceId: "", spanId: "" };
    const result = await traceMcpTool(
      server,
      "get_pull_request",
      { number: 7 },
      (tool) => {
        meta = tool.getTraceMeta();
        ids = { traceId: tool.traceId, spanId: tool.spanId };
        return { content: [{ type: "text", text: "PR #7" }] };
      },
      { requestId: 7, callId: "call_mcp" },
    );

    expect(result.content).toHaveLength(1);
    const span = await tracing.span("tools/call get_pull_request");
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "get_pull_request",
      "gen_ai.tool.type": "extension",
      "gen_ai.tool.call.id": "call_mcp",
      "mcp.method.name": "tools/call",
      "mcp.server.name": "github",
      "mcp.session.id": "mcp_s1",
      "mcp.protocol.version": "2025-06-18",
      "server.address": "mcp.example.com",
      "server.port": 443,
      "network.transport": "tcp",
      "jsonrpc.request.id": "7",
    });
    expect(parseJsonAttribute(span, "gen_ai.tool.call.arguments")).toEqual({ number: 7 });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(meta.traceparent).toBe(`00-${ids.traceId}-${ids.spanId}-01`);
  });

  it.each([
    { name: "isError true", result: { isError: true, content: [] }, failed: true },
    { name: "isError false", result: { isError: false, content: [] }, failed: false },
    { name: "isError as a string", result: { isError: "true" }, failed: false },
  ])("treats a CallToolResult with $name accordingly", async ({ result, failed }) => {
    await expect(traceMcpTool("fs", "read_file", { path: "/x" }, () => result)).resolves.toBe(result);
    const span = await tracing.span("tools/call read_file");
    expect(span.status.code).toBe(failed ? SpanStatusCode.ERROR : SpanStatusCode.UNSET);
    expect(span.attributes["error.type"]).toBe(failed ? "tool_error" : undefined);
    expect(span.attributes["mcp.server.name"]).toBe("fs");
  });

  it("classifies a thrown JSON-RPC error by its code and records the tool's effect", async () => {
    const invalidParams = Object.assign(new Error("MCP error -32602: Invalid arguments"), { name: "McpError", code: -32602 });
    await expect(traceMcpTool("fs", "write_file", { path: "/x" }, () => Promise.reject(invalidParams), { effect: "write" })).rejects.toBe(invalidParams);
    const span = await tracing.span("tools/call write_file");
    expect(span.status).toMatchObject({ code: SpanStatusCode.ERROR, message: "MCP error -32602: Invalid arguments" });
    expect(span.attributes).toMatchObject({ "error.type": "-32602", "rpc.response.status_code": "-32602", "hindsight.tool.effect": "write" });
  });
});
