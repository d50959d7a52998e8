import { describe, expect, it } from "vitest";
import { reviewAgreement, verdictsAgree, type OtherScore } from "@/lib/quality/review-agreement";

const other = (traceId: string, source: OtherScore["source"], label: string | null, value: number | null, createdMs = 1, id = "a"): OtherScore => ({
  traceId,
  source,
  label,
  value,
  createdMs,
  id,
});

describe("verdictsAgree", () => {
  it("compares labels when both have one, trimmed and in any case", () => {
    expect(verdictsAgree({ label: "Good", value: null }, { label: " good ", value: 0.1 })).toBe(true);
    expect(verdictsAgree({ label: "good", value: null }, { label: "correct", value: null })).toBe(false);
  });

  it("compares pass or fail when either is only a number", () => {
    expect(verdictsAgree({ label: "good", value: null }, { label: null, value: 0.9 })).toBe(true);
    expect(verdictsAgree({ label: "bad", value: null }, { label: null, value: 0.5 })).toBe(false);
    expect(verdictsAgree({ label: null, value: 0.2 }, { label: null, value: 0.4 })).toBe(true);
    expect(verdictsAgree({ label: null, value: 4 }, { label: "fail", value: null })).toBe(false);
  });
});

describe("reviewAgreement", () => {
  it("counts each source's latest verdict per reviewed run, leaving out sources and runs without one", () => {
    const reviews = [
      { traceId: "t1", label: "good", value: null },
      { traceId: "t2", label: "bad", value: null },
      { traceId: "t3", label: "good", value: null },
    ];
    const others = [
      other("t1", "api", "good", null),
      other("t2", "api", "good", null, 1),
      // Re-scored later: this verdict is the one compared.
      other("t2", "api", "bad", null, 2),
      other("t1", "evaluator", null, 0.2),
      other("t9", "evaluator", null, 0.9),
      other("t3", "review", "bad", null),
    ];
    expect(reviewAgreement(reviews, others)).toEqual([
      { source: "api", compared: 2, agreed: 2, rate: 1 },
      { source: "evaluator", compared: 1, agreed: 0, rate: 0 },
    ]);
  });

  it("answers nothing when no other source scored the reviewed runs", () => {
    expect(reviewAgreement([{ traceId: "t1", label: "good", value: null }], [])).toEqual([]);
  });
});
