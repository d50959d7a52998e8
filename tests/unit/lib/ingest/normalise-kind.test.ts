// detectKind: the kind rules, in order; the first rule that matches wins.
import { describe, expect, it } from "vitest";
import { detectKind } from "@/lib/ingest/normalise-kind";
import type { OtlpAttributes } from "@/lib/ingest/otlp-types";

describe("detectKind: each rule on its own", () => {
  it.each<[string, OtlpAttributes, string]>([
    // 1. langfuse.observation.type
    ["langfuse generation", { "langfuse.observation.type": "generation" }, "llm"],
    ["langfuse embedding", { "langfuse.observation.type": "embedding" }, "embedding"],
    ["langfuse agent", { "langfuse.observation.type": "agent" }, "agent"],
    ["langfuse tool", { "langfuse.observation.type": "tool" }, "tool"],
    ["langfuse chain", { "langfuse.observation.type": "chain" }, "chain"],
    ["langfuse retriever", { "langfuse.observation.type": "retriever" }, "retriever"],
    ["langfuse guardrail", { "langfuse.observation.type": "guardrail" }, "guardrail"],
    ["langfuse evaluator", { "langfuse.observation.type": "evaluator" }, "other"],
    ["langfuse span (generic)", { "langfuse.observation.type": "span" }, "other"],
    ["langfuse event (generic)", { "langfuse.observation.type": "event" }, "other"],
    // 2. openinference.span.kind
    ["OpenInference LLM", { "openinference.span.kind": "LLM" }, "llm"],
    ["OpenInference EMBEDDING", { "openinference.span.kind": "EMBEDDING" }, "embedding"],
    ["OpenInference CHAIN", { "openinference.span.kind": "CHAIN" }, "chain"],
    ["OpenInference RETRIEVER", { "openinference.span.kind": "RETRIEVER" }, "retriever"],
    ["OpenInference RERANKER", { "openinference.span.kind": "RERANKER" }, "retriever"],
    ["OpenInference TOOL", { "openinference.span.kind": "TOOL" }, "tool"],
    ["OpenInference AGENT", { "openinference.span.kind": "AGENT" }, "agent"],
    ["OpenInference GUARDRAIL", { "openinference.span.kind": "GUARDRAIL" }, "guardrail"],
    ["OpenInference EVALUATOR", { "openinference.span.kind": "EVALUATOR" }, "other"],
    ["OpenInference PROMPT", { "openinference.span.kind": "PROMPT" }, "chain"],
    ["OpenInference lower case", { "openinference.span.kind": "llm" }, "llm"],
    // 3. gen_ai.operation.name
    ["GenAI chat", { "gen_ai.operation.name": "chat" }, "llm"],
    ["GenAI text_completion", { "gen_ai.operation.name": "text_completion" }, "llm"],
    ["GenAI generate_content", { "gen_ai.operation.name": "generate_content" }, "llm"],
    ["GenAI embeddings", { "gen_ai.operation.name": "embeddings" }, "embedding"],
    ["GenAI execute_tool", { "gen_ai.operation.name": "execute_tool" }, "tool"],
    ["GenAI invoke_agent", { "gen_ai.operation.name": "invoke_agent" }, "agent"],
    ["GenAI create_agent", { "gen_ai.operation.name": "create_agent" }, "agent"],
    ["GenAI retrieval", { "gen_ai.operation.name": "retrieval" }, "retriever"],
    ["GenAI invoke_workflow", { "gen_ai.operation.name": "invoke_workflow" }, "chain"],
    ["GenAI agent_step (Vercel v7)", { "gen_ai.operation.name": "agent_step" }, "chain"],
    // 4. traceloop.span.kind
    ["Traceloop workflow", { "traceloop.span.kind": "workflow" }, "chain"],
    ["Traceloop task", { "traceloop.span.kind": "task" }, "chain"],
    ["Traceloop agent", { "traceloop.span.kind": "agent" }, "agent"],
    ["Traceloop tool", { "traceloop.span.kind": "tool" }, "tool"],
    // 5. llm.request.type
    ["llm.request.type chat", { "llm.request.type": "chat" }, "llm"],
    ["llm.request.type completion", { "llm.request.type": "completion" }, "llm"],
    // 6. ai.operationId
    ["Vercel doGenerate", { "ai.operationId": "ai.generateText.doGenerate" }, "llm"],
    ["Vercel doStream", { "ai.operationId": "ai.streamObject.doStream" }, "llm"],
    ["Vercel doEmbed", { "ai.operationId": "ai.embedMany.doEmbed" }, "embedding"],
    ["Vercel toolCall", { "ai.operationId": "ai.toolCall" }, "tool"],
    ["Vercel generateText wrapper", { "ai.operationId": "ai.generateText" }, "chain"],
    ["Vercel streamText wrapper", { "ai.operationId": "ai.streamText" }, "chain"],
    ["Vercel embed wrapper", { "ai.operationId": "ai.embed" }, "chain"],
    // 7. gen_ai.tool.name
    ["gen_ai.tool.name", { "gen_ai.tool.name": "search" }, "tool"],
    // 8. any model attribute
    ["gen_ai.request.model", { "gen_ai.request.model": "gpt-4o" }, "llm"],
    ["gen_ai.response.model", { "gen_ai.response.model": "gpt-4o" }, "llm"],
    ["llm.model_name", { "llm.model_name": "gpt-4o" }, "llm"],
    ["ai.model.id", { "ai.model.id": "gpt-4o" }, "llm"],
    ["langfuse.observation.model.name", { "langfuse.observation.model.name": "gpt-4o" }, "llm"],
    // 9. nothing
    ["no attributes", {}, "other"],
    ["unrelated attributes", { "http.method": "GET", "service.name": "x" }, "other"],
    ["unknown values everywhere", { "openinference.span.kind": "UNKNOWN", "gen_ai.operation.name": "dance", "traceloop.span.kind": "x" }, "other"],
    ["empty llm.request.type", { "llm.request.type": "" }, "other"],
    ["non-string values", { "gen_ai.operation.name": 1, "gen_ai.tool.name": true }, "other"],
  ])("%s → %s", (_label, attrs, kind) => {
    expect(detectKind(attrs)).toBe(kind);
  });
});

describe("detectKind: first match wins", () => {
  it.each<[string, OtlpAttributes, string]>([
    ["langfuse before OpenInference", { "langfuse.observation.type": "tool", "openinference.span.kind": "LLM" }, "tool"],
    ["langfuse generic span falls through to OpenInference", { "langfuse.observation.type": "span", "openinference.span.kind": "AGENT" }, "agent"],
    ["OpenInference before gen_ai.operation.name", { "openinference.span.kind": "CHAIN", "gen_ai.operation.name": "chat" }, "chain"],
    ["gen_ai.operation.name before traceloop", { "gen_ai.operation.name": "chat", "traceloop.span.kind": "workflow" }, "llm"],
    ["traceloop before llm.request.type", { "traceloop.span.kind": "task", "llm.request.type": "chat" }, "chain"],
    ["llm.request.type before ai.operationId", { "llm.request.type": "chat", "ai.operationId": "ai.toolCall" }, "llm"],
    ["ai.operationId before gen_ai.tool.name", { "ai.operationId": "ai.generateText", "gen_ai.tool.name": "t" }, "chain"],
    ["gen_ai.tool.name before model attributes", { "gen_ai.tool.name": "t", "gen_ai.request.model": "gpt-4o" }, "tool"],
    ["Vercel wrapper with a model is still a chain", { "ai.operationId": "ai.generateText", "ai.model.id": "gpt-4o" }, "chain"],
    ["execute_tool with a model is a tool", { "gen_ai.operation.name": "execute_tool", "gen_ai.request.model": "gpt-4o" }, "tool"],
    [
      "invoke_agent with usage is an agent",
      { "gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 5 },
      "agent",
    ],
  ])("%s", (_label, attrs, kind) => {
    expect(detectKind(attrs)).toBe(kind);
  });
});
