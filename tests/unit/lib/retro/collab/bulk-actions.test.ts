import { describe, expect, it } from "vitest";
import { bulkTagsSchema, normaliseBulkTags, tracesOverTagLimit } from "@/lib/retro/collab/bulk-tag-schemas";
import { incidentRetroSummary, incidentRetroTitle, selectionRetroTitle, type IncidentForDraft } from "@/lib/retro/collab/retro-drafts";
import { parseTraceFilters } from "@/lib/trace/trace-params";

const A = "a".repeat(32);
const B = "B".repeat(32);

describe("bulk tag body", () => {
  it("takes trace ids (lower-cased) with tags to add or remove, and refuses an empty change", () => {
    const parsed = bulkTagsSchema.safeParse({ traceIds: [A, B], add: [" timeout "] });
    expect(parsed.success && parsed.data).toEqual({ traceIds: [A, "b".repeat(32)], add: ["timeout"], remove: [] });
    const empty = bulkTagsSchema.safeParse({ traceIds: [A] });
    expect(empty.error?.issues[0]).toMatchObject({ message: "give tags to add or to remove", path: ["add"] });
    expect(bulkTagsSchema.safeParse({ traceIds: [], add: ["x"] }).error?.issues[0]?.message).toBe("must name at least one trace");
    expect(bulkTagsSchema.safeParse({ traceIds: ["nope"], add: ["x"] }).error?.issues[0]?.path).toEqual(["traceIds", 0]);
    expect(bulkTagsSchema.safeParse({ traceIds: [A], add: ["bad\u0007"] }).error?.issues[0]?.message).toBe("must not contain control characters");
    expect(bulkTagsSchema.safeParse({ traceIds: Array(501).fill(A), add: ["x"] }).error?.issues[0]?.message).toBe("at most 500 traces");
    expect(bulkTagsSchema.safeParse({ traceIds: [A], add: ["x"], extra: 1 }).success).toBe(false);
  });

  it("drops duplicates, and a tag both added and removed is added", () => {
    expect(normaliseBulkTags({ traceIds: [A, A, B], add: ["x", "x", "y"], remove: ["y", "z", "z"] })).toEqual({
      traceIds: [A, B],
      add: ["x", "y"],
      remove: ["z"],
    });
  });

  it("names the traces that would carry more than 50 tags, counting tags they already have once", () => {
    const full = Array.from({ length: 50 }, (_, i) => `t${i}`);
    const current = new Map([
      [A, full],
      [B, full.slice(0, 49)],
    ]);
    expect(tracesOverTagLimit(current, { traceIds: [A, B], add: ["t0"], remove: [] })).toEqual([]);
    expect(tracesOverTagLimit(current, { traceIds: [A, B], add: ["new"], remove: [] })).toEqual([A]);
    expect(tracesOverTagLimit(current, { traceIds: [A, B], add: ["new"], remove: ["t1"] })).toEqual([]);
  });
});

describe("traceId list filter", () => {
  it("repeats, lower-cases, and stops at 500", () => {
    const parsed = parseTraceFilters(
      new URLSearchParams([
        ["traceId", A],
        ["traceId", B],
      ]),
    );
    expect(parsed.ok && parsed.filters.traceIds).toEqual([A, "b".repeat(32)]);
    expect(parseTraceFilters(new URLSearchParams([["traceId", "xyz"]]))).toMatchObject({ ok: false, parameter: "traceId" });
    const many = new URLSearchParams(Array.from({ length: 501 }, () => ["traceId", A]));
    expect(parseTraceFilters(many)).toEqual({ ok: false, parameter: "traceId", message: "at most 500 trace ids" });
  });
});

describe("retro drafts", () => {
  it("titles a retro from a selection after its first run", () => {
    expect(selectionRetroTitle(["checkout", "search", "refund"])).toBe("Retro: checkout and 2 more");
    expect(selectionRetroTitle(["checkout"])).toBe("Retro: checkout");
    expect(selectionRetroTitle(["x".repeat(300)])).toHaveLength(200);
  });

  const incident: IncidentForDraft = {
    ruleName: "Checkout *budget*",
    metric: "cost_usd",
    scope: "task",
    scopeValue: "checkout",
    startedAt: "2026-12-07T08:15:42.000Z",
    endedAt: "2026-12-07T09:40:00.000Z",
    value: 0.0027,
    peakValue: 0.0031,
    threshold: 0.001,
    exampleTraceIds: [A, B],
  };

  it("pre-fills an incident's retro with its rule, time range and figures", () => {
    expect(incidentRetroTitle(incident)).toBe("Incident: Checkout *budget* (2026-12-07 08:15 UTC)");
    const summary = incidentRetroSummary(incident);
    expect(summary).toContain("Alert rule **Checkout \\*budget\\***");
    expect(summary).toContain("fired at 2026-12-07 08:15 UTC, until 2026-12-07 09:40 UTC.");
    expect(summary).toContain("The incident's 2 example runs are below.");
    expect(incidentRetroSummary({ ...incident, endedAt: null, exampleTraceIds: [] })).toContain("still open when this retro was started");
  });
});
