// readIdentity / normaliseProvider: model, provider, tool, agent, session and user (the sources docs/frameworks.md lists).
import { describe, expect, it } from "vitest";
import { normaliseProvider, readIdentity, type Identity } from "@/lib/ingest/normalise-identity";
import type { OtlpAttributes } from "@/lib/ingest/otlp-types";
import type { Kind } from "@/lib/trace/types";

const read = (attrs: OtlpAttributes, field: keyof Identity, kind: Kind = "other", name = "span") => readIdentity(attrs, kind, name)[field];

describe("model", () => {
  it.each<[string, OtlpAttributes, string | null]>([
    ["langfuse.observation.model.name", { "langfuse.observation.model.name": "m1" }, "m1"],
    ["gen_ai.response.model", { "gen_ai.response.model": "m2" }, "m2"],
    ["llm.model_name", { "llm.model_name": "m3" }, "m3"],
    ["ai.response.model", { "ai.response.model": "m4" }, "m4"],
    ["gen_ai.request.model", { "gen_ai.request.model": "m5" }, "m5"],
    ["ai.model.id", { "ai.model.id": "m6" }, "m6"],
    ["embedding.model_name", { "embedding.model_name": "m7" }, "m7"],
    ["response model before request model", { "gen_ai.request.model": "gpt-4o", "gen_ai.response.model": "gpt-4o-2024-08-06" }, "gpt-4o-2024-08-06"],
    ["Vercel: ai.response.model before ai.model.id", { "ai.model.id": "gpt-4o-mini", "ai.response.model": "gpt-4o-mini-2024-07-18" }, "gpt-4o-mini-2024-07-18"],
    ["langfuse first", { "gen_ai.response.model": "b", "langfuse.observation.model.name": "a" }, "a"],
    ["empty values skipped", { "gen_ai.response.model": "", "gen_ai.request.model": "gpt-4o" }, "gpt-4o"],
    ["none", {}, null],
  ])("%s → %s", (_label, attrs, expected) => {
    expect(read(attrs, "model")).toBe(expected);
  });
});

describe("normaliseProvider", () => {
  it.each<[string | null, string | null]>([
    ["openai", "openai"],
    ["OpenAI", "openai"],
    ["openai.chat", "openai"],
    ["openai.responses", "openai"],
    ["openai.embedding", "openai"],
    ["azure.ai.openai", "azure.ai.openai"],
    ["azure.ai.inference", "azure.ai.inference"],
    ["azure", "azure.ai.openai"],
    ["anthropic", "anthropic"],
    ["anthropic.messages", "anthropic"],
    ["Anthropic", "anthropic"],
    ["aws.bedrock", "aws.bedrock"],
    ["amazon-bedrock", "aws.bedrock"],
    ["gcp.gemini", "gcp.gemini"],
    ["gcp.vertex_ai", "gcp.vertex_ai"],
    ["gcp.gen_ai", "gcp.gen_ai"],
    ["google.generative-ai", "gcp.gemini"],
    ["google.vertex.chat", "gcp.vertex_ai"],
    ["mistral", "mistral_ai"],
    ["mistral_ai", "mistral_ai"],
    ["mistral.chat", "mistral_ai"],
    ["xai.chat", "x_ai"],
    ["x_ai", "x_ai"],
    ["deepseek.chat", "deepseek"],
    ["groq.chat", "groq"],
    ["cohere", "cohere"],
    ["perplexity", "perplexity"],
    ["ibm.watsonx.ai", "ibm.watsonx.ai"],
    ["  Acme.Chat ", "acme.chat"],
    ["", null],
    [null, null],
  ])("%j → %j", (raw, expected) => {
    expect(normaliseProvider(raw)).toBe(expected);
  });

  it.each<[string, OtlpAttributes, string]>([
    ["gen_ai.provider.name first", { "gen_ai.provider.name": "anthropic", "gen_ai.system": "openai" }, "anthropic"],
    ["gen_ai.system", { "gen_ai.system": "OpenAI", "llm.provider": "azure" }, "openai"],
    ["llm.provider before llm.system", { "llm.provider": "azure", "llm.system": "openai" }, "azure.ai.openai"],
    ["llm.system", { "llm.system": "openai", "ai.model.provider": "x" }, "openai"],
    ["ai.model.provider", { "ai.model.provider": "openai.chat" }, "openai"],
  ])("source order: %s", (_label, attrs, expected) => {
    expect(read(attrs, "provider")).toBe(expected);
  });
});

describe("tool name and call id", () => {
  it.each<[string, OtlpAttributes, Kind, string, string | null]>([
    ["gen_ai.tool.name", { "gen_ai.tool.name": "a" }, "tool", "x", "a"],
    ["tool.name", { "tool.name": "b" }, "tool", "x", "b"],
    ["ai.toolCall.name", { "ai.toolCall.name": "c" }, "tool", "x", "c"],
    ["gen_ai.tool.name first", { "ai.toolCall.name": "c", "tool.name": "b", "gen_ai.tool.name": "a" }, "tool", "x", "a"],
    ["traceloop.entity.name for a tool span", { "traceloop.entity.name": "check_stock" }, "tool", "check_stock.tool", "check_stock"],
    ["traceloop.entity.name ignored for other kinds", { "traceloop.entity.name": "restock" }, "chain", "restock.workflow", null],
    ["execute_tool span name", {}, "tool", "execute_tool lookup_order", "lookup_order"],
    ["span name as the last resort", {}, "tool", "search-kb", "search-kb"],
    ["no tool name outside tool spans", {}, "llm", "execute_tool x", null],
  ])("%s", (_label, attrs, kind, name, expected) => {
    expect(read(attrs, "toolName", kind, name)).toBe(expected);
  });

  it.each<[string, OtlpAttributes, string | null]>([
    ["gen_ai.tool.call.id", { "gen_ai.tool.call.id": "call_1" }, "call_1"],
    ["ai.toolCall.id", { "ai.toolCall.id": "call_2" }, "call_2"],
    ["tool_call.id", { "tool_call.id": "call_3" }, "call_3"],
    ["tool.id", { "tool.id": "call_4" }, "call_4"],
    ["first wins", { "tool.id": "b", "gen_ai.tool.call.id": "a" }, "a"],
    ["none", {}, null],
  ])("tool call id from %s", (_label, attrs, expected) => {
    expect(read(attrs, "toolCallId", "tool")).toBe(expected);
  });
});

describe("agent name", () => {
  it.each<[string, OtlpAttributes, Kind, string, string | null]>([
    ["gen_ai.agent.name", { "gen_ai.agent.name": "a" }, "llm", "chat", "a"],
    ["agent.name", { "agent.name": "b" }, "agent", "x", "b"],
    ["gen_ai.agent.name first", { "agent.name": "b", "gen_ai.agent.name": "a" }, "agent", "x", "a"],
    ["traceloop.entity.name for an agent span", { "traceloop.entity.name": "inventory_agent" }, "agent", "inventory_agent.agent", "inventory_agent"],
    ["traceloop.entity.name ignored for a tool span", { "traceloop.entity.name": "check_stock" }, "tool", "x", null],
    ["invoke_agent span name", {}, "agent", "invoke_agent planner", "planner"],
    ["span name of an agent span", {}, "agent", "triage-agent", "triage-agent"],
    ["ai.telemetry.functionId", { "ai.telemetry.functionId": "support-agent" }, "llm", "ai.generateText.doGenerate", "support-agent"],
    ["gen_ai.agent.name before functionId", { "ai.telemetry.functionId": "f", "gen_ai.agent.name": "a" }, "chain", "x", "a"],
    ["none for other kinds", {}, "chain", "invoke_agent x", null],
  ])("%s", (_label, attrs, kind, name, expected) => {
    expect(read(attrs, "agentName", kind, name)).toBe(expected);
  });
});

describe("session and user", () => {
  it.each<[string, OtlpAttributes, string | null]>([
    ["langfuse.session.id", { "langfuse.session.id": "s1" }, "s1"],
    ["session.id", { "session.id": "s2" }, "s2"],
    ["gen_ai.conversation.id", { "gen_ai.conversation.id": "s3" }, "s3"],
    ["ai.telemetry.metadata.sessionId", { "ai.telemetry.metadata.sessionId": "s4" }, "s4"],
    ["ai.settings.context.sessionId (ai 7)", { "ai.settings.context.sessionId": "s5" }, "s5"],
    ["traceloop.association.properties.session_id", { "traceloop.association.properties.session_id": "s6" }, "s6"],
    ["langfuse first", { "session.id": "s2", "langfuse.session.id": "s1" }, "s1"],
    ["session.id before conversation id", { "gen_ai.conversation.id": "s3", "session.id": "s2" }, "s2"],
    ["numbers become text", { "session.id": 42 }, "42"],
    ["none", {}, null],
  ])("session from %s", (_label, attrs, expected) => {
    expect(read(attrs, "sessionId")).toBe(expected);
  });

  it.each<[string, OtlpAttributes, string | null]>([
    ["langfuse.user.id", { "langfuse.user.id": "u1" }, "u1"],
    ["user.id", { "user.id": "u2" }, "u2"],
    ["enduser.id", { "enduser.id": "u3" }, "u3"],
    ["ai.telemetry.metadata.userId", { "ai.telemetry.metadata.userId": "u4" }, "u4"],
    ["traceloop.association.properties.user_id", { "traceloop.association.properties.user_id": "u5" }, "u5"],
    ["langfuse first", { "enduser.id": "u3", "user.id": "u2", "langfuse.user.id": "u1" }, "u1"],
    ["user.id before enduser.id", { "enduser.id": "u3", "user.id": "u2" }, "u2"],
    ["none", {}, null],
  ])("user from %s", (_label, attrs, expected) => {
    expect(read(attrs, "userId")).toBe(expected);
  });
});
