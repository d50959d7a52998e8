// The trace of one LLM judge call, as OTLP/JSON: one chat span under the service hindsight-evaluator with
// the GenAI attributes any instrumented call carries (model, token usage, messages), so ingest prices it
// and the trace view shows it like the project's own calls. Pure.
import { randomBytes } from "node:crypto";

export const JUDGE_SERVICE = "hindsight-evaluator";

export type JudgeSpanInput = {
  evaluatorId: string;
  evaluatorName: string;
  evaluatedTraceId: string;
  evaluatedSpanId: string | null;
  model: string;
  responseModel: string | null;
  prompt: string;
  answer: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  startMs: number;
  endMs: number;
  error: string | null;
};

type Attribute = { key: string; value: { stringValue: string } | { intValue: string } };
const str = (key: string, value: string): Attribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): Attribute => ({ key, value: { intValue: String(value) } });
const nanos = (ms: number) => `${BigInt(Math.round(ms)) * 1_000_000n}`;

/** The request, and the trace id it stores the call under. */
export function judgeSpanRequest(call: JudgeSpanInput): { traceId: string; request: unknown } {
  const traceId = randomBytes(16).toString("hex");
  const attributes: Attribute[] = [
    str("gen_ai.operation.name", "chat"),
    str("gen_ai.provider.name", "openai"),
    str("gen_ai.request.model", call.model),
    str("gen_ai.input.messages", JSON.stringify([{ role: "user", parts: [{ type: "text", content: call.prompt }] }])),
    str("hindsight.evaluator.id", call.evaluatorId),
    str("hindsight.evaluator.name", call.evaluatorName),
    str("hindsight.evaluated.trace_id", call.evaluatedTraceId),
  ];
  if (call.evaluatedSpanId) attributes.push(str("hindsight.evaluated.span_id", call.evaluatedSpanId));
  if (call.responseModel) attributes.push(str("gen_ai.response.model", call.responseModel));
  if (call.answer !== null)
    attributes.push(str("gen_ai.output.messages", JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: call.answer }] }])));
  if (call.inputTokens !== null) attributes.push(int("gen_ai.usage.input_tokens", call.inputTokens));
  if (call.outputTokens !== null) attributes.push(int("gen_ai.usage.output_tokens", call.outputTokens));
  const span = {
    traceId,
    spanId: randomBytes(8).toString("hex"),
    name: `chat ${call.model}`,
    kind: 3,
    startTimeUnixNano: nanos(call.startMs),
    endTimeUnixNano: nanos(Math.max(call.endMs, call.startMs)),
    attributes,
    status: call.error ? { code: 2, message: call.error.slice(0, 500) } : { code: 1 },
  };
  return {
    traceId,
    request: {
      resourceSpans: [
        {
          resource: { attributes: [str("service.name", JUDGE_SERVICE)] },
          scopeSpans: [{ scope: { name: "hindsight.evaluators" }, spans: [span] }],
        },
      ],
    },
  };
}
