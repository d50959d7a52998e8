// Response schemas of the read API: trace summaries, spans, a trace with its spans, a page of traces.
// tests/unit/lib/api/openapi/schema-types.test.ts holds them equal to lib/trace/types.ts.
import { z } from "zod";
import { anyJson, isoTime, jsonObject, orNull } from "./common";
import { failureModeSchema, findingCountsSchema, findingSchema } from "./findings";

const hex = (chars: number) => z.string().regex(new RegExp(`^[0-9a-f]{${chars}}$`));

export const statusSchema = z.enum(["ok", "error", "unset"]).meta({ id: "Status", description: '"error" on a trace when any of its spans errored.' });

export const kindSchema = z.enum(["agent", "llm", "tool", "retriever", "embedding", "chain", "guardrail", "approval", "other"]).meta({
  id: "Kind",
  description:
    "What a span is, from its attributes in any of the dialects Hindsight reads. `approval`: a span carrying `hindsight.approval.decision`, whose duration is the wait for a human.",
});

export const traceSummarySchema = z
  .strictObject({
    traceId: hex(32).meta({ description: "32 lower-case hexadecimal characters." }),
    name: z.string().meta({ description: "The root span's name (the earliest span's while the root is missing)." }),
    serviceName: z.string().nullable().meta({ description: "The root's resource `service.name`." }),
    startTime: isoTime,
    endTime: isoTime,
    durationMs: z.number(),
    status: statusSchema,
    spanCount: z.int(),
    errorCount: z.int(),
    llmCallCount: z.int(),
    toolCallCount: z.int(),
    inputTokens: z
      .int()
      .meta({ description: "Input tokens, cached input included, each counted once (wrapper spans that repeat their children's usage are skipped)." }),
    outputTokens: z.int(),
    totalTokens: z.int(),
    costUsd: z.number().nullable().meta({ description: "Null when nothing in the trace could be priced; never 0 for unpriced." }),
    hasUnpricedCalls: z.boolean().meta({ description: "True when at least one LLM call could not be priced, so `costUsd` is a lower bound." }),
    sessionId: z.string().nullable(),
    userId: z.string().nullable(),
    agentName: z.string().nullable().meta({ description: "The outermost agent." }),
    models: z.array(z.string()),
    failureMode: orNull(failureModeSchema).meta({ description: "The class of the run's first real failure; null when it has none (or is not analysed yet)." }),
    findingCounts: findingCountsSchema,
  })
  .meta({ id: "TraceSummary", description: "One run: its root, totals, identity and what retro analysis found in it." });

export const spanEventSchema = z.strictObject({ name: z.string(), time: isoTime, attributes: jsonObject }).meta({ id: "SpanEvent" });

export const spanSchema = z
  .strictObject({
    traceId: hex(32),
    spanId: hex(16).meta({ description: "16 lower-case hexadecimal characters." }),
    parentSpanId: hex(16).nullable(),
    name: z.string(),
    kind: kindSchema,
    serviceName: z.string().nullable(),
    startTime: isoTime,
    endTime: isoTime,
    durationMs: z.number(),
    status: statusSchema,
    statusMessage: z.string().nullable(),
    model: z.string().nullable().meta({ description: "The response model when sent, else the request model." }),
    provider: z.string().nullable().meta({ description: "Lower case, well-known names (`openai.chat` → `openai`)." }),
    inputTokens: z.int().nullable().meta({ description: "Includes cached input; `cacheReadTokens` and `cacheWriteTokens` are parts of it." }),
    outputTokens: z.int().nullable(),
    cacheReadTokens: z.int().nullable(),
    cacheWriteTokens: z.int().nullable(),
    reasoningTokens: z.int().nullable(),
    costUsd: z.number().nullable().meta({ description: "Null when the span could not be priced." }),
    costSource: z
      .enum(["reported", "computed"])
      .nullable()
      .meta({ description: '"reported" when the span carried its own cost, "computed" from the price table, null when unpriced.' }),
    toolName: z.string().nullable(),
    toolCallId: z.string().nullable(),
    agentName: z.string().nullable(),
    mcpServer: z.string().nullable().meta({ description: "The MCP server of a span following the MCP conventions (`mcp.method.name`), else null." }),
    sessionId: z.string().nullable().meta({ description: "Set on every span of a trace once any span of it carries one." }),
    userId: z.string().nullable(),
    input: anyJson.meta({ description: "Chat messages, tool arguments or other input: parsed when the value was JSON text, else the text; null when none." }),
    output: anyJson.meta({ description: "Completion, tool result or other output, read like `input`." }),
    attributes: jsonObject.meta({ description: "Every span attribute, as sent." }),
    resourceAttributes: jsonObject,
    events: z.array(spanEventSchema),
  })
  .meta({ id: "Span", description: "One span, normalised: kind, model, tokens, cost, tool, agent, session and content." });

export const traceDetailSchema = z
  .strictObject({
    trace: traceSummarySchema,
    spans: z.array(spanSchema).meta({ description: "In start order." }),
    findings: z
      .array(findingSchema)
      .meta({ description: "Retro analysis, by the start of each finding's first span; empty until the trace has been analysed." }),
  })
  .meta({ id: "TraceDetail" });

export const tracePageSchema = z
  .strictObject({
    data: z.array(traceSummarySchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last one." }),
  })
  .meta({ id: "TracePage" });
