// What a share link with `hideContent` shows: the shape of the run (names, kinds, times, models, tokens,
// cost, status) without what was said in it. Inputs, outputs, attribute values, event attribute values and
// error messages can all carry prompt or user text, so each is withheld.
import type { Span, TraceDetail } from "@/lib/trace/types";

export const HIDDEN = "[hidden]";

const hideValues = (values: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.keys(values).map((key) => [key, HIDDEN]));

export function hideSpanContent(span: Span): Span {
  return {
    ...span,
    input: span.input === null ? null : HIDDEN,
    output: span.output === null ? null : HIDDEN,
    statusMessage: span.statusMessage === null ? null : HIDDEN,
    attributes: hideValues(span.attributes),
    events: span.events.map((event) => ({ ...event, attributes: hideValues(event.attributes) })),
  };
}

export const hideTraceContent = (detail: TraceDetail): TraceDetail => ({
  ...detail,
  spans: detail.spans.map(hideSpanContent),
  // A failure finding's message is the error text, which can quote the prompt.
  findings: detail.findings.map((finding) => (finding.message === undefined ? finding : { ...finding, message: HIDDEN })),
});
