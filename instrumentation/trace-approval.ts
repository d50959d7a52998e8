/**
 * Human approval gates as spans of their own: `approval {action}` carrying
 * `hindsight.approval.*`, whose duration is the time the pipeline waited for
 * a person. The decision is what the callback RETURNS, so a rejection is an
 * ordinary outcome (recorded, status left unset) rather than an error; only a
 * failure of the approval mechanism itself is an error.
 */
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { Attributes, Span } from "@opentelemetry/api";
import {
  ERROR_TYPE,
  HINDSIGHT_APPROVAL_ACTION,
  HINDSIGHT_APPROVAL_APPROVER,
  HINDSIGHT_APPROVAL_DECISION,
  HINDSIGHT_APPROVAL_POLICY,
  INPUT_MIME_TYPE,
  INPUT_VALUE,
  OUTPUT_VALUE,
} from "./attributes.js";
import { createHindsightSpan, runInSpan } from "./run-in-span.js";
import type { Clock, HindsightSpan, SpanTiming } from "./run-in-span.js";
import { serializeJson, shouldCaptureContent } from "./serialize.js";

export const APPROVAL_DECISIONS = ["approved", "rejected", "timed_out", "escalated"] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** A decision with who made it and why; extra fields (e.g. the approver's edits) pass through untouched. */
export type ApprovalResult = {
  decision: ApprovalDecision;
  /** Who decided; replaces the approver given in the options. */
  approver?: string;
  /** The approver's comment; content, so recorded only when content capture is on. */
  reason?: string;
};

/** What the callback returns: a bare decision or an {@link ApprovalResult}. */
export type ApprovalOutcome = ApprovalDecision | ApprovalResult;

export type ApprovalOptions = SpanTiming & {
  /** Who was asked (a person, a role or a queue), when known before the decision. */
  approver?: string;
  /** The rule that required the approval, e.g. `refunds-over-100`. */
  policy?: string;
  /** What the human is shown (e.g. the tool call awaiting approval); content, so recorded only when capture is on. */
  request?: unknown;
  attributes?: Attributes;
};

export type ApprovalSpan = HindsightSpan & {
  /** Records who is deciding once that is known (e.g. when a ticket is picked up). */
  setApprover(approver: string): void;
};

export function isApprovalDecision(value: unknown): value is ApprovalDecision {
  return typeof value === "string" && (APPROVAL_DECISIONS as readonly string[]).includes(value);
}

function createApprovalSpan(span: Span, clock: Clock | undefined): ApprovalSpan {
  return {
    ...createHindsightSpan(span, clock),
    setApprover: (approver) => {
      span.setAttribute(HINDSIGHT_APPROVAL_APPROVER, approver);
    },
  };
}

function recordApprovalOutcome(span: Span, outcome: ApprovalOutcome): void {
  const result: Partial<ApprovalResult> = typeof outcome === "object" && outcome !== null ? outcome : { decision: outcome };
  if (!isApprovalDecision(result.decision)) {
    // Untyped callers can return anything; the flow goes on, and the span says what was wrong.
    span.setAttribute(ERROR_TYPE, "invalid_approval_decision");
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: `traceApproval: expected one of ${APPROVAL_DECISIONS.join(", ")}; got ${serializeJson(result.decision).slice(0, 100)}`,
    });
    return;
  }
  span.setAttribute(HINDSIGHT_APPROVAL_DECISION, result.decision);
  if (typeof result.approver === "string") span.setAttribute(HINDSIGHT_APPROVAL_APPROVER, result.approver);
  if (typeof result.reason === "string" && shouldCaptureContent()) span.setAttribute(OUTPUT_VALUE, result.reason);
}

/**
 * A throw is not a human decision, with two exceptions that still record one:
 * an error carrying a valid `decision` property (for code that signals a
 * rejection by throwing) and a `TimeoutError` (what `AbortSignal.timeout()`
 * throws), which is `timed_out`.
 */
function recordDecisionOfError(span: Span, error: unknown): void {
  if (typeof error !== "object" || error === null) return;
  const decision = "decision" in error ? error.decision : undefined;
  if (isApprovalDecision(decision)) span.setAttribute(HINDSIGHT_APPROVAL_DECISION, decision);
  else if ("name" in error && error.name === "TimeoutError") span.setAttribute(HINDSIGHT_APPROVAL_DECISION, "timed_out");
}

/**
 * Traces a wait for a human decision as `approval {action}`. `fn` asks for the
 * approval and returns the decision (`"approved"`, `"rejected"`, `"timed_out"`
 * or `"escalated"`), or an object with `decision` and optionally `approver`
 * and `reason`; its value is returned unchanged. The span lasts as long as
 * `fn`, so its duration is the human wait.
 *
 * @example
 * const { decision } = await traceApproval("issue_refund", () => approvals.ask(refund), {
 *   policy: "refunds-over-100", approver: "support-leads", request: refund,
 * });
 * if (decision === "approved") await traceTool("issue_refund", refund, () => payments.refund(refund), { effect: "write" });
 */
export function traceApproval<R extends ApprovalOutcome>(
  action: string,
  fn: (approval: ApprovalSpan) => R | Promise<R>,
  options: ApprovalOptions = {},
): Promise<R> {
  const attributes: Attributes = {
    [HINDSIGHT_APPROVAL_ACTION]: action,
    [HINDSIGHT_APPROVAL_APPROVER]: options.approver,
    [HINDSIGHT_APPROVAL_POLICY]: options.policy,
    ...options.attributes,
  };
  if (options.request !== undefined && shouldCaptureContent()) {
    attributes[INPUT_VALUE] = serializeJson(options.request);
    attributes[INPUT_MIME_TYPE] = "application/json";
  }
  return runInSpan(
    { name: `approval ${action}`, kind: SpanKind.INTERNAL, attributes, startTime: options.startTime, clock: options.clock },
    createApprovalSpan,
    fn,
    recordApprovalOutcome,
    recordDecisionOfError,
  );
}
