// Failure classification end to end on SQLite and PostgreSQL: one run per provider error shape (OpenAI,
// Anthropic, Google, Bedrock, LangGraph, the OpenAI Agents SDK, runtime errors) sent through the real OTLP
// exporter as its instrumentation records it (exception events, error.type, HTTP status, finish reasons);
// each run's failure finding and failureMode through the API, and the failure-mode metrics and filter.
import { randomInt } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { FailureMode, Finding } from "@/lib/retro";
import { forEachDatabase, listTraces, type TestServer } from "./support";
import { HOUR } from "./support/metrics-seed";
import { expectFindings, findingsMetrics, summaryOf } from "./support/retro-api";
import { agent, chat, sendRun, type RunNode, type SentRun } from "./support/retro-seed";

const BASE = Date.UTC(2024, 0, 1) + randomInt(0, 365) * 24 * HOUR + randomInt(0, 20) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

type Case = {
  id: string;
  /** The failing span under the run's root agent "caller". */
  span: (label: string) => RunNode;
  mode: FailureMode;
  message?: string;
  /** The failing span's own agent when it is one (else the root's). */
  agent?: string;
};

const llmError =
  (error: string | undefined, exception: { type: string; message: string } | undefined, attributes: Record<string, string | number | string[]> = {}) =>
  (label: string) =>
    chat(label, 100, 400, 0.01, `prompt ${label}`, { error, exception, attributes });
const plain =
  (name: string, attributes: Record<string, string>, exception: { type: string; message: string }, error = "failed") =>
  (label: string): RunNode => ({
    label,
    name,
    at: 100,
    durationMs: 400,
    attributes,
    error,
    exception,
  });

const CASES: Case[] = [
  {
    id: "openai-rate-limit",
    span: llmError(
      "Rate limit reached",
      { type: "RateLimitError", message: "429 Rate limit reached for gpt-4o-mini on requests per min (RPM)" },
      {
        "http.response.status_code": 429,
        "error.type": "RateLimitError",
      },
    ),
    mode: "provider_rate_limit",
    message: "429 Rate limit reached for gpt-4o-mini on requests per min (RPM)",
  },
  {
    id: "openai-quota",
    span: llmError(
      "quota",
      { type: "RateLimitError", message: "429 You exceeded your current quota, please check your plan and billing details." },
      {
        "error.type": "RateLimitError",
      },
    ),
    mode: "budget_exceeded",
    message: "429 You exceeded your current quota, please check your plan and billing details.",
  },
  {
    id: "openai-context-length",
    span: llmError("This model's maximum context length is 128000 tokens.", undefined, { "error.type": "context_length_exceeded" }),
    mode: "context_length_exceeded",
    message: "This model's maximum context length is 128000 tokens.",
  },
  { id: "openai-content-filter", span: llmError(undefined, undefined, { "gen_ai.response.finish_reasons": ["content_filter"] }), mode: "content_filter" },
  {
    id: "openai-timeout",
    span: llmError("Request timed out.", { type: "APITimeoutError", message: "Request timed out." }),
    mode: "provider_timeout",
    message: "Request timed out.",
  },
  {
    id: "openai-auth",
    span: llmError("401", { type: "AuthenticationError", message: "401 Incorrect API key provided: sk-abc***" }, { "http.response.status_code": 401 }),
    mode: "provider_auth_error",
    message: "401 Incorrect API key provided: sk-abc***",
  },
  {
    id: "anthropic-rate-limit",
    span: llmError(
      "rate limited",
      { type: "RateLimitError", message: '429 {"type":"error","error":{"type":"rate_limit_error"}}' },
      {
        "error.type": "rate_limit_error",
      },
    ),
    mode: "provider_rate_limit",
    message: '429 {"type":"error","error":{"type":"rate_limit_error"}}',
  },
  {
    id: "anthropic-overloaded",
    span: llmError("Overloaded", undefined, { "http.response.status_code": 529, "error.type": "overloaded_error" }),
    mode: "provider_server_error",
    message: "Overloaded",
  },
  {
    id: "anthropic-prompt-too-long",
    span: llmError("400", { type: "BadRequestError", message: "prompt is too long: 215000 tokens > 200000 maximum" }),
    mode: "context_length_exceeded",
    message: "prompt is too long: 215000 tokens > 200000 maximum",
  },
  {
    id: "google-resource-exhausted",
    span: llmError("429 Resource has been exhausted (e.g. check quota).", undefined, { "error.type": "RESOURCE_EXHAUSTED" }),
    mode: "provider_rate_limit",
    message: "429 Resource has been exhausted (e.g. check quota).",
  },
  {
    id: "bedrock-throttling",
    span: llmError("throttled", { type: "ThrottlingException", message: "Too many requests, please wait before trying again." }),
    mode: "provider_rate_limit",
    message: "Too many requests, please wait before trying again.",
  },
  {
    id: "langgraph-recursion",
    span: plain("LangGraph", {}, { type: "GraphRecursionError", message: "Recursion limit of 25 reached without hitting a stop condition." }),
    mode: "max_iterations",
    message: "Recursion limit of 25 reached without hitting a stop condition.",
  },
  {
    id: "agents-max-turns",
    span: (label) => agent(label, "planner", 100, 400, [], { error: "failed", exception: { type: "MaxTurnsExceeded", message: "Max turns (10) exceeded" } }),
    mode: "max_iterations",
    message: "Max turns (10) exceeded",
    agent: "planner",
  },
  {
    id: "agents-input-guardrail",
    span: (label) =>
      agent(label, "planner", 100, 400, [], {
        error: "failed",
        exception: { type: "InputGuardrailTripwireTriggered", message: "Guardrail InputGuardrail triggered tripwire" },
      }),
    mode: "guardrail_blocked",
    message: "Guardrail InputGuardrail triggered tripwire",
    agent: "planner",
  },
  {
    id: "agents-output-guardrail",
    span: (label) =>
      agent(label, "planner", 100, 400, [], {
        error: "failed",
        exception: { type: "OutputGuardrailTripwireTriggered", message: "Guardrail OutputGuardrail triggered tripwire" },
      }),
    mode: "guardrail_blocked",
    message: "Guardrail OutputGuardrail triggered tripwire",
    agent: "planner",
  },
  {
    id: "invalid-json-output",
    span: plain("parse_output", {}, { type: "SyntaxError", message: "Unexpected end of JSON input" }),
    mode: "invalid_output",
    message: "Unexpected end of JSON input",
  },
  {
    id: "aborted",
    span: plain("run_step", {}, { type: "AbortError", message: "This operation was aborted" }),
    mode: "cancelled",
    message: "This operation was aborted",
  },
  {
    // A NUL character in an attribute (PostgreSQL keeps it escaped in the attribute JSON) must not stop the analysis.
    id: "tool-error-with-nul",
    span: plain(
      "execute_tool export_csv",
      { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "export_csv", note: "a\u0000b" },
      { type: "IOError", message: "disk full" },
    ),
    mode: "tool_error",
    message: "disk full",
  },
];

forEachDatabase((server: TestServer) => {
  const runs = new Map<string, SentRun>();

  beforeAll(async () => {
    for (const [i, c] of CASES.entries()) {
      runs.set(c.id, await sendRun(server, BASE + i * 1000, agent("root", "caller", 0, 1000, [c.span("failing")], { name: `failure-${c.id}` })));
    }
  });

  it.each(CASES.map((c) => [c.id, c] as const))("classifies %s", async (_id, c) => {
    const run = runs.get(c.id)!;
    const expected: Finding = {
      type: "failure",
      spanIds: [run.spanIds.failing!],
      count: 1,
      wastedMs: 0,
      wastedCostUsd: 0,
      failureMode: c.mode,
      ...(c.message !== undefined ? { message: c.message } : {}),
      ...(c.id === "tool-error-with-nul" ? { toolName: "export_csv" } : {}),
      agents: [c.agent ?? "caller"],
    };
    await expectFindings(server, run.traceId, [expected]);
    expect((await summaryOf(server, run.traceId)).failureMode).toBe(c.mode);
  });

  it("counts failures by mode in the metrics and filters the list by mode", async () => {
    const hour = { from: iso(BASE), to: iso(BASE + HOUR) };
    const expected = new Map<string, number>();
    for (const c of CASES) expected.set(c.mode, (expected.get(c.mode) ?? 0) + 1);
    const points = await findingsMetrics(server, { ...hour, bucket: "1h", groupBy: "failureMode" });
    expect(Object.fromEntries(points.map((p) => [p.group, p.traces]))).toEqual(Object.fromEntries(expected));
    const limited = await listTraces(server, { ...hour, failureMode: "provider_rate_limit" });
    expect(limited.data.map((t) => t.name).sort()).toEqual([
      "failure-anthropic-rate-limit",
      "failure-bedrock-throttling",
      "failure-google-resource-exhausted",
      "failure-openai-rate-limit",
    ]);
  });
});
