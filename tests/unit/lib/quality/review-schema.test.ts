import { describe, expect, it } from "vitest";
import { decideReview, parseReviewFilter, reviewQueueCreateSchema } from "@/lib/quality/review-schema";

const labels = { labels: ["good", "bad"], range: null };
const range = { labels: null, range: [1, 5] as [number, number] };

describe("a review checked against its queue", () => {
  it("takes a label of the set, with a failure mode and a comment", () => {
    expect(decideReview({ label: "bad", failureMode: "wrong_tool", comment: "x" }, labels)).toEqual({
      ok: true,
      decision: { kind: "score", label: "bad", value: null, failureMode: "wrong_tool", comment: "x" },
    });
  });

  it("refuses labels outside the set, values on a label queue, and missing verdicts, naming the field", () => {
    expect(decideReview({ label: "meh" }, labels)).toMatchObject({ ok: false, field: "label", message: "label: must be one of good, bad" });
    expect(decideReview({ value: 1 }, labels)).toMatchObject({ ok: false, field: "value" });
    expect(decideReview({}, labels)).toMatchObject({ ok: false, field: "label" });
    expect(decideReview({ skip: true, label: "good" }, labels)).toMatchObject({ ok: false, field: "label" });
  });

  it("takes values inside a range queue's bounds only", () => {
    expect(decideReview({ value: 5 }, range)).toMatchObject({ ok: true });
    expect(decideReview({ value: 6 }, range)).toMatchObject({ ok: false, field: "value", message: "value: must be between 1 and 5" });
    expect(decideReview({ label: "good" }, range)).toMatchObject({ ok: false, field: "label" });
  });

  it("skips without a verdict", () => {
    expect(decideReview({ skip: true }, labels)).toEqual({ ok: true, decision: { kind: "skip", comment: null } });
  });
});

describe("a queue body", () => {
  it("needs labels or a range, not both", () => {
    const base = { name: "q", sampleSize: 5, scoreName: "s" };
    expect(reviewQueueCreateSchema.safeParse({ ...base, labels: ["a", "b"] }).success).toBe(true);
    expect(reviewQueueCreateSchema.safeParse({ ...base }).success).toBe(false);
    expect(reviewQueueCreateSchema.safeParse({ ...base, labels: ["a", "b"], range: [0, 1] }).success).toBe(false);
    expect(reviewQueueCreateSchema.safeParse({ ...base, labels: ["a", "a"] }).success).toBe(false);
  });

  it("checks the filter as trace-list filters", () => {
    expect(parseReviewFilter({ name: "refund", status: "error" })).toMatchObject({ ok: true, filter: { name: "refund", status: "error" } });
    expect(parseReviewFilter({ status: "maybe" })).toMatchObject({ ok: false, parameter: "filter.status" });
    expect(parseReviewFilter({ cursor: "x" })).toMatchObject({ ok: false, parameter: "filter.cursor" });
  });
});
