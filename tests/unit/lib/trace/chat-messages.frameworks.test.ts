// The conversation shapes of the framework fixtures (tests/unit/lib/ingest/normalise.*.test.ts read them from the
// captured payloads); here each shape alone, including the data already stored before ingest learned them.
import { describe, expect, it } from "vitest";
import { normaliseChatMessages, type ChatMessage } from "@/lib/trace/chat-messages";
import { fromLangChain } from "@/lib/trace/langchain-messages";

const lc = (cls: string, kwargs: Record<string, unknown>) => ({ lc: 1, type: "constructor", id: ["langchain_core", "messages", cls], kwargs });
const msg = (role: string, parts: ChatMessage["parts"], extra: Partial<ChatMessage> = {}): ChatMessage => ({
  role,
  name: null,
  parts,
  finishReason: null,
  ...extra,
});

describe("normaliseChatMessages: framework shapes", () => {
  it("reads LangChain serialised messages in graph state, with tool call ids and results", () => {
    const state = {
      messages: [
        lc("HumanMessage", { content: "Weather in Lyon?" }),
        lc("AIMessage", {
          name: "weather_agent",
          content: "",
          tool_calls: [{ name: "get_weather", args: { city: "Lyon" }, id: "call_1", type: "tool_call" }],
          additional_kwargs: { tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Lyon"}' } }] },
        }),
        lc("ToolMessage", { content: '{"celsius":21}', tool_call_id: "call_1", name: "get_weather" }),
      ],
    };
    expect(normaliseChatMessages(state)).toEqual([
      msg("user", [{ type: "text", text: "Weather in Lyon?" }]),
      msg("assistant", [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Lyon" } }], { name: "weather_agent" }),
      msg("tool", [{ type: "tool_result", id: "call_1", name: "get_weather", content: { celsius: 21 } }]),
    ]);
  });

  it("reads a chat model's serialised input ({messages: [[…]]}) and output ({generations})", () => {
    expect(
      normaliseChatMessages({ messages: [[lc("SystemMessage", { content: "Be brief." }), lc("HumanMessage", { content: "Hi" })]] })!.map((m) => m.role),
    ).toEqual(["system", "user"]);
    const output = { generations: [[{ text: "Hello", message: lc("AIMessage", { content: "Hello" }) }]] };
    expect(normaliseChatMessages(output, { defaultRole: "assistant" })).toEqual([msg("assistant", [{ type: "text", text: "Hello" }])]);
  });

  it("falls back to additional_kwargs.tool_calls (raw provider calls) when parsed tool_calls are absent", () => {
    const [message] = fromLangChain(
      lc("AIMessage", { content: "", additional_kwargs: { tool_calls: [{ id: "c9", function: { name: "f", arguments: '{"a":1}' } }] } }),
    )!;
    expect(message!.tool_calls).toEqual([{ id: "c9", type: "function", function: { name: "f", arguments: { a: 1 } } }]);
  });

  it("reads a Vercel tool-call step's output (ai.response.toolCalls) as an assistant tool call with parsed arguments", () => {
    expect(normaliseChatMessages([{ toolCallId: "call_1", toolName: "lookupOrder", input: '{"orderId":"A-1"}' }], { defaultRole: "assistant" })).toEqual([
      msg("assistant", [{ type: "tool_call", id: "call_1", name: "lookupOrder", arguments: { orderId: "A-1" } }]),
    ]);
  });

  it("reads a Mastra step result { text, toolCalls }", () => {
    expect(normaliseChatMessages({ text: "Checking.", toolCalls: [{ toolCallId: "c1", toolName: "lookupOrder", args: { orderId: "A-1" } }] })).toEqual([
      msg("assistant", [
        { type: "text", text: "Checking." },
        { type: "tool_call", id: "c1", name: "lookupOrder", arguments: { orderId: "A-1" } },
      ]),
    ]);
  });

  it.each([
    ["denied approval", { type: "execution-denied", reason: "Needs a receipt." }, { content: "Needs a receipt.", status: "denied" }],
    ["json output", { type: "json", value: { ok: true } }, { content: { ok: true } }],
    ["text output", { type: "text", value: "done" }, { content: "done" }],
    ["error text", { type: "error-text", value: "boom" }, { content: "boom", status: "error" }],
    ["MCP result", { content: [{ type: "text", text: '{"a":1}' }] }, { content: { a: 1 } }],
    ["MCP error result", { content: [{ type: "text", text: "nope" }], isError: true }, { content: "nope", status: "error" }],
  ])("reads a Vercel/MCP typed tool output: %s", (_label, output, expected) => {
    const [message] = normaliseChatMessages([{ role: "tool", content: [{ type: "tool-result", toolCallId: "c1", toolName: "t", output }] }])!;
    expect(message!.parts).toEqual([{ type: "tool_result", id: "c1", name: "t", ...expected }]);
  });

  it("reads a tool result sent as a user message with tool_call_id (OpenInference Anthropic)", () => {
    expect(normaliseChatMessages([{ role: "user", tool_call_id: "tu1", content: '{"t":3}' }])).toEqual([
      msg("user", [{ type: "tool_result", id: "tu1", name: null, content: { t: 3 } }]),
    ]);
  });

  it("reads Anthropic tool_result blocks whose content is text blocks", () => {
    const [message] = normaliseChatMessages([
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: "tu1",
            content: [
              { type: "text", text: '{"t":' },
              { type: "text", text: "42}" },
            ],
          },
        ],
      },
    ])!;
    expect(message!.parts).toEqual([{ type: "tool_result", id: "tu1", name: null, content: { t: 42 } }]);
  });

  it("drops empty tool-call parts and keeps each call once (data stored before ingest learned the shape)", () => {
    const stored = {
      role: "assistant",
      content: [{ type: "text", text: "Let me look." }, { type: "tool_use" }],
      tool_calls: [{ id: "tu1", type: "function", function: { name: "search", arguments: { q: "x" } } }],
    };
    expect(normaliseChatMessages(stored)![0]!.parts).toEqual([
      { type: "text", text: "Let me look." },
      { type: "tool_call", id: "tu1", name: "search", arguments: { q: "x" } },
    ]);
    const twice = { role: "assistant", content: [{ type: "tool_use", id: "tu1", name: "search", input: { q: "x" } }], tool_calls: stored.tool_calls };
    expect(normaliseChatMessages(twice)![0]!.parts).toHaveLength(1);
  });

  it("leaves a bare routing value or non-message JSON unrecognised by the LangChain reader", () => {
    expect(fromLangChain("tools")).toBeNull();
    expect(fromLangChain({ messages: [] })).toBeNull();
    expect(fromLangChain({ lc: 1, type: "constructor", id: ["x", "NotAMessage"], kwargs: {} })).toBeNull();
  });
});
