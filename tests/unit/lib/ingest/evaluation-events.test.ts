import { describe, expect, it } from "vitest";
import { normaliseBody } from "@/lib/ingest/pipeline";
import { readEvaluation } from "@/lib/ingest/evaluation-events";
import { buildPriceBook } from "@/lib/pricing/compute";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const SPAN = "b7ad6b7169203331";
const attrs = (o: Record<string, string | number>) =>
  Object.entries(o).map(([key, v]) => ({ key, value: typeof v === "number" ? { doubleValue: v } : { stringValue: v } }));
const evaluation = { "gen_ai.evaluation.name": "accuracy", "gen_ai.evaluation.score.value": 0.25, "gen_ai.evaluation.explanation": "wrong total" };

describe("OpenTelemetry evaluation results", () => {
  it("are read from a span's events", () => {
    const body = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: TRACE,
                  spanId: SPAN,
                  name: "chat",
                  startTimeUnixNano: "1700000000000000000",
                  endTimeUnixNano: "1700000001000000000",
                  events: [
                    { name: "gen_ai.evaluation.result", timeUnixNano: "1700000000500000000", attributes: attrs(evaluation) },
                    {
                      name: "other",
                      timeUnixNano: "1700000000600000000",
                      attributes: attrs({ "gen_ai.evaluation.name": "ignored", "gen_ai.evaluation.score.value": 1 }),
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const result = normaliseBody("traces", Buffer.from(JSON.stringify(body)), "json", buildPriceBook());
    expect(result.ok).toBe(true);
    const evaluations = result.ok ? (result.batch.evaluations ?? []) : [];
    expect(evaluations.map(({ id: _id, ...e }) => e)).toEqual([
      { traceId: TRACE, spanId: SPAN, name: "accuracy", value: 0.25, label: null, comment: "wrong total", timeNs: 1700000000500000000n },
    ]);
  });

  it("are read from log records with the span's context, with a stable id so a re-sent record is one score", () => {
    const record = {
      timeUnixNano: "1700000000700000000",
      eventName: "gen_ai.evaluation.result",
      traceId: TRACE,
      spanId: SPAN,
      attributes: attrs({ "gen_ai.evaluation.name": "tone", "gen_ai.evaluation.score.label": "good" }),
    };
    const body = Buffer.from(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [record] }] }] }));
    const first = normaliseBody("logs", body, "json", buildPriceBook());
    const again = normaliseBody("logs", body, "json", buildPriceBook());
    const a = first.ok ? first.batch.evaluations : undefined;
    const b = again.ok ? again.batch.evaluations : undefined;
    expect(a).toHaveLength(1);
    expect(a![0]).toMatchObject({ traceId: TRACE, spanId: SPAN, name: "tone", value: null, label: "good", comment: null });
    expect(b![0]!.id).toBe(a![0]!.id);
  });

  it("skip results without a name or without a value or label, and values that are not finite numbers", () => {
    expect(readEvaluation({ "gen_ai.evaluation.score.value": 1 })).toBeNull();
    expect(readEvaluation({ "gen_ai.evaluation.name": "x" })).toBeNull();
    expect(readEvaluation({ "gen_ai.evaluation.name": "x", "gen_ai.evaluation.score.value": "abc" })).toBeNull();
    expect(readEvaluation({ "gen_ai.evaluation.name": "x", "gen_ai.evaluation.score.value": "0.5" })).toMatchObject({ value: 0.5 });
  });
});
