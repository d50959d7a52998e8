import { describe, expect, it } from "vitest";
import { firstScoreFilter, parseScoreFilters, scoreFilterChanges } from "@/lib/trace/score-filters";
import { parseTraceFilters } from "@/lib/trace/trace-params";

describe("score filters", () => {
  it("parse score.<name>.min|max|label, names with dots included", () => {
    const parsed = parseScoreFilters(new URLSearchParams("score.answer.accuracy.min=0.5&score.answer.accuracy.max=0.9&score.tone.label=good&q=x"));
    expect(parsed).toEqual({
      ok: true,
      filters: [
        { name: "answer.accuracy", min: 0.5, max: 0.9 },
        { name: "tone", label: "good" },
      ],
    });
  });

  it("name the bad parameter", () => {
    expect(parseScoreFilters(new URLSearchParams("score.a.min=abc"))).toMatchObject({ ok: false, parameter: "score.a.min" });
    expect(parseScoreFilters(new URLSearchParams("score.a.avg=1"))).toMatchObject({ ok: false, parameter: "score.a.avg" });
    expect(parseScoreFilters(new URLSearchParams("score.a.min=2&score.a.max=1"))).toMatchObject({ ok: false, parameter: "score.a.max" });
    expect(parseTraceFilters(new URLSearchParams("score.a.min=x"))).toMatchObject({ ok: false, parameter: "score.a.min" });
  });

  it("reach the trace list's filters", () => {
    const parsed = parseTraceFilters(new URLSearchParams("status=ok&score.accuracy.min=0.8"));
    expect(parsed.ok && parsed.filters.scores).toEqual([{ name: "accuracy", min: 0.8 }]);
  });

  it("round-trip through the list page's form", () => {
    const params = new URLSearchParams("score.old.max=1&name=x");
    expect(scoreFilterChanges(params.keys(), { name: " acc ", min: "0.5", max: "", label: "" })).toEqual({ "score.old.max": null, "score.acc.min": "0.5" });
    expect(firstScoreFilter(new URLSearchParams("score.acc.min=0.5&score.acc.label=good").entries())).toEqual({
      name: "acc",
      min: "0.5",
      max: "",
      label: "good",
    });
  });
});
