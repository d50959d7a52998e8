// Real instrumentation libraries → real OTLP exporters → a running Hindsight → the read API.
// Each emitter (tests/integration/emitters/*.mjs) runs in its own process, because instrumentations
// patch modules globally, and prints the facts to check. Models are mocks (the AI SDK's own mock
// model, or a local mock of the OpenAI HTTP API), so nothing leaves the machine.
// The read happens right after the emitter exits: ingest answers 200 only once spans are committed.
import { beforeAll, describe, expect, it } from "vitest";
import type { TraceDetail } from "@/lib/trace/types";
import {
  bySpanId,
  expectComputedCost,
  expectIdentityEverywhere,
  expectInOrder,
  expectKinds,
  expectMentions,
  expectTotals,
  expectTraceCostOf,
  named,
  one,
  text,
} from "./emitters/expect-trace";
import {
  runEmitter,
  type LangfuseResult,
  type OpenAIOfficialResult,
  type OpenInferenceResult,
  type OpenLLMetryResult,
  type VercelResult,
} from "./emitters/run-emitter";
import { forEachDatabase, getTrace, type TestServer } from "./support";

const read = (server: TestServer, traceId: string): Promise<TraceDetail> => getTrace(server, traceId);

forEachDatabase((server) => {
  describe("Vercel AI SDK (ai@6 experimental_telemetry, protobuf + gzip)", () => {
    let result!: VercelResult;
    let detail!: TraceDetail;
    let embedDetail!: TraceDetail;
    beforeAll(async () => {
      result = await runEmitter<VercelResult>("vercel-ai", server);
      [detail, embedDetail] = await Promise.all([read(server, result.traceId), read(server, result.embedTraceId)]);
    });

    it("stores the trace with its root, kinds and service", () => {
      expect(detail.trace).toMatchObject({ traceId: result.traceId, name: "ai.generateText", serviceName: result.serviceName, spanCount: 4, status: "ok" });
      expectKinds([...detail.spans, ...embedDetail.spans], result.kinds);
    });

    it("normalises each doGenerate call: model, provider, tokens including cache, computed cost", () => {
      const calls = named(detail, "ai.generateText.doGenerate");
      expect(calls).toHaveLength(result.llmCalls.length);
      calls.forEach((span, i) => {
        const expected = result.llmCalls[i]!;
        expect(span).toMatchObject({
          model: result.model,
          provider: result.provider,
          inputTokens: expected.inputTokens,
          outputTokens: expected.outputTokens,
          cacheReadTokens: expected.cacheReadTokens,
        });
        expectComputedCost(span);
        expect(Array.isArray(span.input), "ai.prompt.messages parsed").toBe(true);
        expectInOrder(span.input, ["You are a support agent", "Where is my order A-1042?"]);
      });
      expectMentions(calls[1]!.output, result.finalText);
    });

    it("normalises the tool call", () => {
      const toolSpan = one(detail, "ai.toolCall");
      expect(toolSpan).toMatchObject({ kind: "tool", toolName: result.tool.name, toolCallId: result.tool.callId });
      expect(toolSpan.input).toEqual(result.tool.input);
      expect(toolSpan.output).toEqual(result.tool.output);
    });

    it("carries session, user and the functionId as agent name on every span", () => {
      expectIdentityEverywhere(detail, result.sessionId, result.userId);
      for (const span of detail.spans) expect(span.agentName, span.name).toBe(result.functionId);
      expect(detail.trace.agentName).toBe(result.functionId);
    });

    it("counts tokens once although ai.generateText repeats its children's usage", () => {
      expectTotals(detail, result.totals);
      expectTraceCostOf(detail, named(detail, "ai.generateText.doGenerate"));
      expect(detail.trace.models).toContain(result.model);
    });

    it("normalises embed: ai.embed.doEmbed is an embedding call with ai.usage.tokens as input", () => {
      const doEmbed = one(embedDetail, "ai.embed.doEmbed");
      expect(one(embedDetail, "ai.embed").kind).toBe("chain");
      expect(doEmbed).toMatchObject({ kind: "embedding", model: result.embedding.model, provider: "openai", inputTokens: result.embedding.tokens });
      expect({ inputTokens: embedDetail.trace.inputTokens, llmCallCount: embedDetail.trace.llmCallCount }).toEqual({
        inputTokens: result.embedding.tokens,
        llmCallCount: 1,
      });
      expect(embedDetail.trace.sessionId).toBe(result.sessionId);
    });
  });

  describe("@opentelemetry/instrumentation-openai (content as OTLP log events, logs before spans)", () => {
    let result!: OpenAIOfficialResult;
    let detail!: TraceDetail;
    beforeAll(async () => {
      result = await runEmitter<OpenAIOfficialResult>("openai-official", server);
      detail = await read(server, result.traceId);
    });

    it("stores the trace with its kinds", () => {
      expect(detail.trace).toMatchObject({ name: "invoke_agent support-agent", serviceName: result.serviceName, spanCount: 5, status: "ok" });
      expectKinds(detail.spans, result.kinds);
    });

    it("normalises the chat spans (the instrumentation records no cached tokens)", () => {
      for (const call of result.llmCalls) {
        const span = bySpanId(detail, call.spanId);
        expect(span).toMatchObject({
          kind: "llm",
          model: result.model,
          provider: result.provider,
          inputTokens: call.inputTokens,
          outputTokens: call.outputTokens,
          cacheReadTokens: null,
        });
        expectComputedCost(span);
      }
    });

    it("turns the gen_ai.* log events into the chat spans' input and output, in order", () => {
      const [first, second] = result.llmCalls.map((call) => bySpanId(detail, call.spanId));
      expectInOrder(first!.input, ["You are a concise support agent.", result.userMessage]);
      expectMentions(first!.output, result.tool.name);
      expectInOrder(second!.input, ["You are a concise support agent.", result.userMessage, result.tool.name, "in_transit"]);
      expectMentions(second!.output, result.finalText);
    });

    it("normalises the embeddings span and the hand-made agent and tool spans", () => {
      expect(bySpanId(detail, result.embedding.spanId)).toMatchObject({
        kind: "embedding",
        model: result.embedding.model,
        provider: "openai",
        inputTokens: result.embedding.inputTokens,
      });
      const toolSpan = one(detail, `execute_tool ${result.tool.name}`);
      expect(toolSpan).toMatchObject({ toolName: result.tool.name, toolCallId: expect.stringMatching(/^call_/) });
      expect(toolSpan.input).toEqual(result.tool.input);
      expect(toolSpan.output).toEqual(result.tool.output);
      expect(one(detail, `invoke_agent ${result.agentName}`).agentName).toBe(result.agentName);
      expect(detail.trace.agentName).toBe(result.agentName);
    });

    it("inherits gen_ai.conversation.id and user.id of the root on every span", () => {
      expectIdentityEverywhere(detail, result.sessionId, result.userId);
    });

    it("sums chat and embedding calls once", () => {
      expectTotals(detail, result.totals);
      expectTraceCostOf(
        detail,
        detail.spans.filter((s) => s.kind === "llm" || s.kind === "embedding"),
      );
    });
  });

  describe("OpenInference OpenAI instrumentation (OTLP/JSON)", () => {
    let result!: OpenInferenceResult;
    let detail!: TraceDetail;
    beforeAll(async () => {
      result = await runEmitter<OpenInferenceResult>("openinference-openai", server);
      detail = await read(server, result.traceId);
    });

    it("stores the trace with its kinds", () => {
      expect(detail.trace).toMatchObject({ name: result.agentName, serviceName: result.serviceName, spanCount: 5, status: "ok" });
      expectKinds(detail.spans, result.kinds);
    });

    it("normalises the LLM spans: response model, provider from llm.system, tokens and cache", () => {
      for (const call of result.llmCalls) {
        const span = bySpanId(detail, call.spanId);
        expect(span).toMatchObject({
          model: result.model,
          provider: result.provider,
          inputTokens: call.inputTokens,
          outputTokens: call.outputTokens,
          cacheReadTokens: call.cacheReadTokens,
        });
        expectComputedCost(span);
      }
      const [first, second] = result.llmCalls.map((call) => bySpanId(detail, call.spanId));
      expectInOrder(first!.input, ["You are a weather assistant.", result.userMessage]);
      expectMentions(second!.output, result.finalText);
    });

    it("normalises the embedding, tool and agent spans", () => {
      expect(one(detail, "OpenAI Embeddings")).toMatchObject({ model: result.embedding.model, inputTokens: null });
      const toolSpan = one(detail, result.tool.name);
      expect(toolSpan.toolName).toBe(result.tool.name);
      expect(toolSpan.input).toEqual(result.tool.input);
      expect(toolSpan.output).toEqual(result.tool.output);
      expect(one(detail, result.agentName).agentName).toBe(result.agentName);
      expect(detail.trace.agentName).toBe(result.agentName);
    });

    it("inherits session.id/user.id onto the spans started outside the session context", () => {
      for (const name of result.spansWithoutSession) expect(one(detail, name).attributes["session.id"], name).toBeUndefined();
      expectIdentityEverywhere(detail, result.sessionId, result.userId);
    });

    it("sums the LLM calls once", () => {
      expectTotals(detail, result.totals);
      expectTraceCostOf(
        detail,
        detail.spans.filter((s) => s.kind === "llm"),
      );
    });
  });

  describe("OpenLLMetry / Traceloop SDK (its own exporter from baseUrl + apiKey)", () => {
    let result!: OpenLLMetryResult;
    let detail!: TraceDetail;
    beforeAll(async () => {
      result = await runEmitter<OpenLLMetryResult>("openllmetry", server);
      detail = await read(server, result.traceId);
    });

    it("stores the workflow → agent → tool/LLM tree with its kinds", () => {
      expect(detail.trace).toMatchObject({ name: `${result.workflowName}.workflow`, serviceName: result.serviceName, spanCount: 5, status: "ok" });
      expectKinds(detail.spans, result.kinds);
    });

    it("normalises the LLM spans (gen_ai.* 1.40 names; no cached tokens recorded)", () => {
      for (const call of result.llmCalls) {
        const span = bySpanId(detail, call.spanId);
        expect(span).toMatchObject({
          kind: "llm",
          model: result.model,
          provider: result.provider,
          inputTokens: call.inputTokens,
          outputTokens: call.outputTokens,
          cacheReadTokens: null,
          agentName: result.agentName,
        });
        expectComputedCost(span);
      }
      const [first, second] = result.llmCalls.map((call) => bySpanId(detail, call.spanId));
      expectInOrder(first!.input, ["You manage inventory.", result.userMessage]);
      expectMentions(second!.output, result.finalText);
    });

    it("names the tool and the agent from traceloop.entity.name", () => {
      const toolSpan = one(detail, `${result.tool.name}.tool`);
      expect(toolSpan.toolName).toBe(result.tool.name);
      expect(text(toolSpan.input)).toContain(text(result.tool.input));
      expect(toolSpan.output).toEqual(result.tool.output);
      expect(one(detail, `${result.agentName}.agent`).agentName).toBe(result.agentName);
      expect(detail.trace.agentName).toBe(result.agentName);
    });

    it("reads session_id/user_id association properties", () => {
      expectIdentityEverywhere(detail, result.sessionId, result.userId);
    });

    it("sums the LLM calls once", () => {
      expectTotals(detail, result.totals);
      expectTraceCostOf(
        detail,
        detail.spans.filter((s) => s.kind === "llm"),
      );
    });
  });

  describe("Langfuse OTel SDK (Basic auth on /api/public/otel/v1/traces, OTLP/JSON)", () => {
    let result!: LangfuseResult;
    let detail!: TraceDetail;
    beforeAll(async () => {
      result = await runEmitter<LangfuseResult>("langfuse", server);
      detail = await read(server, result.traceId);
    });

    it("stores the trace with its kinds", () => {
      expect(detail.trace).toMatchObject({ name: result.traceName, serviceName: result.serviceName, spanCount: 5, status: "ok" });
      expectKinds(detail.spans, result.kinds);
    });

    it("uses the reported cost_details total and converts Langfuse usage to inclusive input", () => {
      const facts = result.generations["classify-intent"];
      const span = one(detail, "classify-intent");
      expect(span).toMatchObject({
        model: facts.model,
        inputTokens: facts.inputTokens,
        outputTokens: facts.outputTokens,
        cacheReadTokens: facts.cacheReadTokens,
        costSource: "reported",
      });
      expect(span.costUsd!).toBeCloseTo(facts.costUsd!, 12);
      expect(span.input).toEqual([{ role: "user", content: result.userMessage }]);
      expect(span.output).toEqual({ role: "assistant", content: "billing" });
    });

    it("computes the cost of a generation that reports none", () => {
      const facts = result.generations["draft-reply"];
      const span = one(detail, "draft-reply");
      expect(span).toMatchObject({ model: facts.model, inputTokens: facts.inputTokens, outputTokens: facts.outputTokens });
      expectComputedCost(span);
      expectMentions(span.output, result.finalText);
    });

    it("names the tool and the agent after their observations", () => {
      const toolSpan = one(detail, result.tool.name);
      expect(toolSpan.toolName).toBe(result.tool.name);
      expect(toolSpan.input).toEqual(result.tool.input);
      expect(toolSpan.output).toEqual(result.tool.output);
      expect(one(detail, result.agentName).agentName).toBe(result.agentName);
      expect(detail.trace.agentName).toBe(result.agentName);
    });

    it("carries the propagated session and user", () => {
      expectIdentityEverywhere(detail, result.sessionId, result.userId);
    });

    it("sums the generations once, reported and computed costs together", () => {
      expectTotals(detail, result.totals);
      const generations = [one(detail, "classify-intent"), one(detail, "draft-reply")];
      expectTraceCostOf(detail, generations);
      expect(detail.trace.costUsd!).toBeGreaterThan(result.totals.minCostUsd);
    });
  });
});
