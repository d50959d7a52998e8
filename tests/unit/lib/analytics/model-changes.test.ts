import { describe, expect, it } from "vitest";
import { detectModelChanges, type ModelVariantRow } from "@/lib/analytics/model-changes";

const variant = (task: string, requestedModel: string, responseModel: string, firstSeenMs: number, fingerprint = ""): ModelVariantRow => ({
  task,
  requestedModel,
  responseModel,
  fingerprint,
  firstSeenMs,
  firstTraceId: `${task}-${firstSeenMs}`,
});

describe("detectModelChanges", () => {
  it("reports each response first seen after another for the same task and requested model", () => {
    const rows = [
      variant("t", "gpt-4o", "gpt-4o-2024-11-20", 2_000),
      variant("t", "gpt-4o", "gpt-4o-2024-08-06", 1_000),
      variant("t", "gpt-4o", "gpt-4o-2024-11-20", 3_000, "fp_b"),
    ];
    expect(detectModelChanges(rows)).toEqual([
      {
        time: new Date(2_000).toISOString(),
        task: "t",
        requestedModel: "gpt-4o",
        before: "gpt-4o-2024-08-06",
        after: "gpt-4o-2024-11-20",
        firstTraceId: "t-2000",
      },
      {
        time: new Date(3_000).toISOString(),
        task: "t",
        requestedModel: "gpt-4o",
        before: "gpt-4o-2024-11-20",
        after: "gpt-4o-2024-11-20 (fp_b)",
        firstTraceId: "t-3000",
      },
    ]);
  });

  it("does not count a change of the requested model, and keeps to the range", () => {
    const rows = [variant("t", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", 1_000), variant("t", "gpt-4o", "gpt-4o-2024-08-06", 2_000)];
    expect(detectModelChanges(rows)).toEqual([]);
    const changed = [variant("t", "gpt-4o", "a", 1_000), variant("t", "gpt-4o", "b", 5_000)];
    expect(detectModelChanges(changed, 0, 5_000)).toEqual([]);
    expect(detectModelChanges(changed, 5_000, 6_000)).toHaveLength(1);
  });
});
