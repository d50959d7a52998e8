import { describe, expect, it } from "vitest";
import { normaliseChatMessages, type ChatMessage } from "@/lib/trace/chat-messages";

const msg = (role: string, parts: ChatMessage["parts"], extra: Partial<ChatMessage> = {}): ChatMessage => ({
  role,
  name: null,
  parts,
  finishReason: null,
  ...extra,
});
const text = (t: string) => ({ type: "text" as const, text: t });

describe("normaliseChatMessages", () => {
  it.each<{ name: string; value: unknown; role?: string; expected: ChatMessage[] | null }>([
    { name: "plain string → one user message", value: "What is 2+2?", expected: [msg("user", [text("What is 2+2?")])] },
    { name: "plain string with default role", value: "4", role: "assistant", expected: [msg("assistant", [text("4")])] },
    { name: "HTML stays text", value: "<script>alert(1)</script>", expected: [msg("user", [text("<script>alert(1)</script>")])] },
    {
      name: "OTel GenAI parts",
      value: [
        { role: "system", parts: [{ type: "text", content: "Be brief." }] },
        { role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] },
        { role: "assistant", parts: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris" } }], finish_reason: "tool_call" },
        { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: "rainy, 57°F" }] },
      ],
      expected: [
        msg("system", [text("Be brief.")]),
        msg("user", [text("Weather in Paris?")]),
        msg("assistant", [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris" } }], { finishReason: "tool_call" }),
        msg("tool", [{ type: "tool_result", id: "call_1", name: null, content: "rainy, 57°F" }]),
      ],
    },
    {
      name: "OpenAI chat with tool_calls and a tool reply",
      value: [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
        { role: "tool", tool_call_id: "c1", content: '{"temp":14}' },
        { role: "assistant", content: "14 °C", name: "bot" },
      ],
      expected: [
        msg("user", [text("Weather?")]),
        msg("assistant", [{ type: "tool_call", id: "c1", name: "get_weather", arguments: { city: "Paris" } }]),
        msg("tool", [{ type: "tool_result", id: "c1", name: null, content: { temp: 14 } }]),
        msg("assistant", [text("14 °C")], { name: "bot" }),
      ],
    },
    {
      name: "OpenAI content parts with an image",
      value: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: "data:…" } },
          ],
        },
      ],
      expected: [msg("user", [text("What is this?"), { type: "data", value: { type: "image_url", image_url: { url: "data:…" } } }])],
    },
    {
      name: "Anthropic blocks",
      value: [
        {
          role: "assistant",
          content: [
            { type: "text", text: "Let me look." },
            { type: "tool_use", id: "tu1", name: "search", input: { q: "x" } },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "tu1", content: "found" }] },
      ],
      expected: [
        msg("assistant", [text("Let me look."), { type: "tool_call", id: "tu1", name: "search", arguments: { q: "x" } }]),
        msg("user", [{ type: "tool_result", id: "tu1", name: null, content: "found" }]),
      ],
    },
    {
      name: "Vercel AI SDK prompt with system and tool parts",
      value: {
        system: "sys",
        messages: [
          { role: "assistant", content: [{ type: "tool-call", toolCallId: "t1", toolName: "calc", input: { a: 1 } }] },
          { role: "tool", content: [{ type: "tool-result", toolCallId: "t1", toolName: "calc", output: 2 }] },
        ],
      },
      expected: [
        msg("system", [text("sys")]),
        msg("assistant", [{ type: "tool_call", id: "t1", name: "calc", arguments: { a: 1 } }]),
        msg("tool", [{ type: "tool_result", id: "t1", name: "calc", content: 2 }]),
      ],
    },
    { name: "{ system, prompt }", value: { system: "S", prompt: "P" }, expected: [msg("system", [text("S")]), msg("user", [text("P")])] },
    {
      name: "chat completion choices",
      value: { choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "Hi" } }] },
      expected: [msg("assistant", [text("Hi")], { finishReason: "stop" })],
    },
    {
      name: "OTel gen_ai.choice body without role",
      value: [{ index: 0, finish_reason: "stop", message: { content: "Done" } }],
      expected: [msg("assistant", [text("Done")], { finishReason: "stop" })],
    },
    { name: "single message object", value: { role: "assistant", content: "ok" }, expected: [msg("assistant", [text("ok")])] },
    { name: "arbitrary JSON object → null", value: { city: "Paris", units: "metric" }, expected: null },
    { name: "array of non-messages → null", value: [{ city: "Paris" }, 3], expected: null },
    { name: "mixed array → null", value: [{ role: "user", content: "x" }, { foo: 1 }], expected: null },
    { name: "empty array → null", value: [], expected: null },
    { name: "empty string → null", value: "", expected: null },
    { name: "number → null", value: 42, expected: null },
    { name: "null → null", value: null, expected: null },
  ])("$name", ({ value, role, expected }) => {
    expect(normaliseChatMessages(value, role ? { defaultRole: role } : {})).toEqual(expected);
  });
});
