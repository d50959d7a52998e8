// readInput / readOutput: input/output sources, JSON text parsed, flattened messages rebuilt.
import { describe, expect, it } from "vitest";
import { readInput, readOutput } from "@/lib/ingest/normalise-content";
import type { OtlpAttributes, OtlpEvent } from "@/lib/ingest/otlp-types";

const messages = '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]';
const userHi = [{ role: "user", parts: [{ type: "text", content: "hi" }] }];

describe("readInput", () => {
  it.each<[string, OtlpAttributes, unknown]>([
    ["langfuse input JSON", { "langfuse.observation.input": '{"q":1}' }, { q: 1 }],
    ["langfuse input text", { "langfuse.observation.input": "plain question" }, "plain question"],
    ["gen_ai.input.messages JSON", { "gen_ai.input.messages": messages }, userHi],
    ["gen_ai.input.messages structured", { "gen_ai.input.messages": userHi }, userHi],
    [
      "gen_ai.system_instructions JSON parts prepended as a system message",
      { "gen_ai.input.messages": messages, "gen_ai.system_instructions": '[{"type":"text","content":"Be brief."}]' },
      [{ role: "system", parts: [{ type: "text", content: "Be brief." }] }, ...userHi],
    ],
    [
      "gen_ai.system_instructions plain text",
      { "gen_ai.input.messages": messages, "gen_ai.system_instructions": "Be brief." },
      [{ role: "system", parts: [{ type: "text", content: "Be brief." }] }, ...userHi],
    ],
    [
      "OpenInference llm.input_messages.*",
      {
        "llm.input_messages.0.message.role": "system",
        "llm.input_messages.0.message.content": "You help.",
        "llm.input_messages.1.message.role": "user",
        "llm.input_messages.1.message.contents.0.message_content.type": "text",
        "llm.input_messages.1.message.contents.0.message_content.text": "hi",
        "llm.input_messages.2.message.role": "assistant",
        "llm.input_messages.2.message.tool_calls.0.tool_call.id": "c1",
        "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": "f",
        "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments": '{"a":1}',
        "llm.input_messages.3.message.role": "tool",
        "llm.input_messages.3.message.name": "f",
        "llm.input_messages.3.message.tool_call_id": "c1",
        "llm.input_messages.3.message.content": "done",
        "input.value": "ignored: messages win",
      },
      [
        { role: "system", content: "You help." },
        { role: "user", content: [{ type: "text", text: "hi" }] },
        { role: "assistant", tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: { a: 1 } } }] },
        { role: "tool", name: "f", tool_call_id: "c1", content: "done" },
      ],
    ],
    ["input.value JSON", { "input.value": '{"city":"Lyon"}' }, { city: "Lyon" }],
    ["input.value text", { "input.value": "What is the weather?" }, "What is the weather?"],
    ["ai.prompt.messages", { "ai.prompt.messages": '[{"role":"user","content":"x"}]' }, [{ role: "user", content: "x" }]],
    [
      "OpenLLMetry gen_ai.prompt.{i}.*",
      { "gen_ai.prompt.0.role": "system", "gen_ai.prompt.0.content": "Be kind.", "gen_ai.prompt.1.role": "user", "gen_ai.prompt.1.content": "hi" },
      [
        { role: "system", content: "Be kind." },
        { role: "user", content: "hi" },
      ],
    ],
    ["gen_ai.tool.call.arguments", { "gen_ai.tool.call.arguments": '{"id":7}' }, { id: 7 }],
    ["ai.toolCall.args", { "ai.toolCall.args": '{"id":8}' }, { id: 8 }],
    ["traceloop.entity.input", { "traceloop.entity.input": '{"args":[],"kwargs":{"sku":"KB-42"}}' }, { args: [], kwargs: { sku: "KB-42" } }],
    ["broken JSON kept as text", { "input.value": "{oops" }, "{oops"],
    ["langfuse before gen_ai.input.messages", { "gen_ai.input.messages": messages, "langfuse.observation.input": '"lf"' }, "lf"],
    ["gen_ai.input.messages before llm.input_messages", { "llm.input_messages.0.message.role": "user", "gen_ai.input.messages": messages }, userHi],
    ["input.value before gen_ai.prompt.{i}", { "gen_ai.prompt.0.role": "user", "input.value": "v" }, "v"],
    ["messages before tool arguments", { "gen_ai.tool.call.arguments": "{}", "gen_ai.prompt.0.content": "p" }, [{ content: "p" }]],
    ["empty string is absent", { "input.value": "", "ai.toolCall.args": '{"x":1}' }, { x: 1 }],
    ["nothing", { "gen_ai.request.model": "gpt-4o" }, undefined],
  ])("%s", (_label, attrs, expected) => {
    expect(readInput(attrs, [])).toEqual(expected);
  });

  it("orders llm.input_messages numerically and skips gaps", () => {
    const attrs: OtlpAttributes = {};
    for (const i of [11, 2, 0, 10]) attrs[`llm.input_messages.${i}.message.content`] = `m${i}`;
    expect(readInput(attrs, [])).toEqual([{ content: "m0" }, { content: "m2" }, { content: "m10" }, { content: "m11" }]);
  });

  it("reads GenAI v1.26 span events gen_ai.content.prompt", () => {
    const events: OtlpEvent[] = [{ name: "gen_ai.content.prompt", timeUnixNano: 1n, attributes: { "gen_ai.prompt": '[{"role":"user","content":"old"}]' } }];
    expect(readInput({}, events)).toEqual([{ role: "user", content: "old" }]);
  });
});

describe("readOutput", () => {
  it.each<[string, OtlpAttributes, unknown]>([
    ["langfuse output", { "langfuse.observation.output": '{"reply":"ok"}' }, { reply: "ok" }],
    [
      "gen_ai.output.messages",
      { "gen_ai.output.messages": '[{"role":"assistant","finish_reason":"stop","parts":[]}]' },
      [{ role: "assistant", finish_reason: "stop", parts: [] }],
    ],
    [
      "OpenInference llm.output_messages.*",
      { "llm.output_messages.0.message.role": "assistant", "llm.output_messages.0.message.content": "Sunny.", "output.value": '{"raw":true}' },
      [{ role: "assistant", content: "Sunny." }],
    ],
    ["output.value", { "output.value": '{"raw":true}' }, { raw: true }],
    ["ai.response.text", { "ai.response.text": "Shipped." }, "Shipped."],
    ["ai.response.toolCalls", { "ai.response.toolCalls": '[{"toolName":"t"}]' }, [{ toolName: "t" }]],
    ["ai.response.object", { "ai.response.object": '{"a":1}' }, { a: 1 }],
    [
      "OpenLLMetry gen_ai.completion.{i}.* with tool calls",
      {
        "gen_ai.completion.0.role": "assistant",
        "gen_ai.completion.0.finish_reason": "tool_calls",
        "gen_ai.completion.0.tool_calls.0.id": "c1",
        "gen_ai.completion.0.tool_calls.0.name": "lookup",
        "gen_ai.completion.0.tool_calls.0.arguments": '{"id":1}',
      },
      [{ role: "assistant", finish_reason: "tool_calls", tool_calls: [{ id: "c1", type: "function", function: { name: "lookup", arguments: { id: 1 } } }] }],
    ],
    ["gen_ai.tool.call.result", { "gen_ai.tool.call.result": '{"ok":true}' }, { ok: true }],
    ["ai.toolCall.result", { "ai.toolCall.result": "42" }, "42"],
    ["traceloop.entity.output JSON string", { "traceloop.entity.output": '"done"' }, "done"],
    ["langfuse before gen_ai.output.messages", { "gen_ai.output.messages": "[]", "langfuse.observation.output": "lf" }, "lf"],
    ["nothing", {}, undefined],
  ])("%s", (_label, attrs, expected) => {
    expect(readOutput(attrs, [])).toEqual(expected);
  });

  it("reads GenAI v1.26 span events gen_ai.content.completion", () => {
    const events: OtlpEvent[] = [
      { name: "gen_ai.content.completion", timeUnixNano: 1n, attributes: { "gen_ai.completion": '[{"role":"assistant","content":"old"}]' } },
    ];
    expect(readOutput({}, events)).toEqual([{ role: "assistant", content: "old" }]);
  });
});
