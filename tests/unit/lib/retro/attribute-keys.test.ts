// RETRO_ATTRIBUTE_KEYS: spans carrying only these attributes (what the findings job loads) give the same
// findings, critical path, step sequence and diff as spans carrying every attribute.
import { expect, it } from "vitest";
import { criticalPath, detectFindings, diffTraces, RETRO_ATTRIBUTE_KEYS, stepSequence, type RetroSpan } from "@/lib/retro";
import { FINISH_REASON_ATTRIBUTES, HTTP_STATUS_ATTRIBUTES } from "@/lib/retro/failure-signals";
import { generateAgentTrace } from "./generate-trace";
import { llm } from "./make-retro-span";

const picked = (spans: readonly RetroSpan[]) =>
  spans.map((span) => ({ ...span, attributes: Object.fromEntries(Object.entries(span.attributes).filter(([key]) => RETRO_ATTRIBUTE_KEYS.includes(key))) }));

it("loses nothing the analysis reads", () => {
  const a = generateAgentTrace(2000, "a").spans;
  const b = generateAgentTrace(2000, "b").spans;
  // Failures only attributes tell: an HTTP status, a finish reason.
  a.push(llm("f".repeat(16), null, 1e6, 10, { status: "error", attributes: { "http.response.status_code": 529, "other.attribute": "x" } }));
  a.push(llm("e".repeat(16), null, 1e6 + 20, 10, { attributes: { "gen_ai.response.finish_reasons": ["content_filter"] } }));
  expect(detectFindings(picked(a))).toEqual(detectFindings(a));
  expect(criticalPath(picked(a))).toEqual(criticalPath(a));
  expect(stepSequence(picked(b))).toEqual(stepSequence(b));
  expect(diffTraces(picked(a), picked(b))).toEqual(diffTraces(a, b));
  expect(RETRO_ATTRIBUTE_KEYS).toEqual(
    expect.arrayContaining([...FINISH_REASON_ATTRIBUTES, ...HTTP_STATUS_ATTRIBUTES, "error.type", "hindsight.approval.decision"]),
  );
});
