import { describe, expect, it } from "vitest";
import { rootSpanOf } from "@/lib/quality/eval-trace";

describe("rootSpanOf", () => {
  it("is the span without a parent", () => {
    expect(
      rootSpanOf([
        { spanId: "b", parentSpanId: "a" },
        { spanId: "a", parentSpanId: null },
      ]),
    ).toBe("a");
  });

  it("is the earliest span whose parent is not in the trace (a root not received yet)", () => {
    expect(
      rootSpanOf([
        { spanId: "b", parentSpanId: "missing" },
        { spanId: "c", parentSpanId: "b" },
        { spanId: "d", parentSpanId: "other" },
      ]),
    ).toBe("b");
  });

  it("is null for a trace without spans", () => {
    expect(rootSpanOf([])).toBeNull();
  });
});
