import { describe, expect, it } from "vitest";
import { describeRecompute, readPriceForm, readPriceFormValues, toFieldErrors } from "@/lib/forms/price-form";

const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("readPriceForm", () => {
  it("turns typed text into the price API's body", () => {
    expect(
      readPriceForm(
        form({ model: " acme-llm-1 ", provider: "", inputPerMTokUsd: "1", outputPerMTokUsd: "4.5", cacheReadPerMTokUsd: "", cacheWritePerMTokUsd: "0.3" }),
      ),
    ).toEqual({
      model: "acme-llm-1",
      body: { provider: null, inputPerMTokUsd: 1, outputPerMTokUsd: 4.5, cacheReadPerMTokUsd: null, cacheWritePerMTokUsd: 0.3 },
    });
  });
  it("leaves a missing required price undefined and text that is no number NaN, for the schema to report", () => {
    const { body } = readPriceForm(form({ model: "m", inputPerMTokUsd: "", outputPerMTokUsd: "abc" }));
    expect(body.inputPerMTokUsd).toBeUndefined();
    expect(body.outputPerMTokUsd).toBeNaN();
  });
  it("keeps every field as typed", () => {
    expect(readPriceFormValues(form({ model: " m ", inputPerMTokUsd: "-1" }))).toEqual({
      model: "m",
      provider: "",
      inputPerMTokUsd: "-1",
      outputPerMTokUsd: "",
      cacheReadPerMTokUsd: "",
      cacheWritePerMTokUsd: "",
    });
  });
});

describe("toFieldErrors", () => {
  it("keeps the first message per known field", () => {
    const issues = [
      { path: ["inputPerMTokUsd"], message: "must be 0 or more" },
      { path: ["inputPerMTokUsd"], message: "second" },
      { path: ["unknown"], message: "ignored" },
      { path: [], message: "whole body" },
    ];
    expect(toFieldErrors(issues)).toEqual({ inputPerMTokUsd: "must be 0 or more" });
    expect(toFieldErrors([{ path: [], message: "must be a model name" }], "model")).toEqual({ model: "must be a model name" });
  });
});

describe("describeRecompute", () => {
  it.each([
    [0, "0 stored spans recomputed"],
    [1, "1 stored span recomputed"],
    [12_345, "12,345 stored spans recomputed"],
  ])("%i → %s", (count, text) => {
    expect(describeRecompute(count)).toBe(text);
  });
});
