import { describe, expect, it } from "vitest";
import { readRuleForm, readRuleFormValues } from "@/lib/forms/alert-form";
import { resolveRuleConfig, ruleCreateSchema } from "@/lib/alerts/rule-schema";

const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("readRuleForm", () => {
  it("turns the form into a rule body the API's schema accepts", () => {
    const body = readRuleForm(
      form({
        name: " Checkout budget ",
        metric: "cost_per_run",
        scope: "task",
        scopeValue: "checkout",
        threshold: "0.001",
        driftPct: "",
        windowMinutes: "480",
        minRuns: "",
        webhookUrl: "",
        enabled: "on",
      }),
    );
    expect(body).toEqual({
      name: "Checkout budget",
      metric: "cost_per_run",
      scope: "task",
      scopeValue: "checkout",
      threshold: 0.001,
      driftPct: null,
      windowMinutes: 480,
      minRuns: null,
      webhookUrl: null,
      enabled: true,
      scoreName: null,
    });
    const parsed = ruleCreateSchema.parse(body);
    const checked = resolveRuleConfig(parsed);
    expect(checked).toMatchObject({ ok: true, config: { minRuns: 1, windowMinutes: 480, threshold: 0.001 } });
  });
  it("drops the scope value of 'all traces', reads an unchecked box as disabled", () => {
    const body = readRuleForm(form({ name: "n", metric: "error_rate", scope: "all", scopeValue: "left over", threshold: "0.05" }));
    expect(body).toMatchObject({ scope: "all", scopeValue: null, enabled: false });
  });
  it("reads the score name of score metrics only", () => {
    const body = readRuleForm(form({ name: "n", metric: "score_pass_rate", scope: "task", scopeValue: "checkout", threshold: "0.9", scoreName: " accuracy " }));
    expect(body).toMatchObject({ metric: "score_pass_rate", scoreName: "accuracy" });
    expect(resolveRuleConfig(ruleCreateSchema.parse(body))).toMatchObject({ ok: true, config: { scoreName: "accuracy" } });
    expect(readRuleForm(form({ name: "n", metric: "error_rate", threshold: "0.05", scoreName: "left over" }))).toMatchObject({ scoreName: null });
  });
  it("passes text that is no number on as NaN, which the schema reports", () => {
    const body = readRuleForm(form({ name: "n", metric: "cost_per_run", threshold: "abc" }));
    expect(ruleCreateSchema.safeParse(body).success).toBe(false);
  });
  it("keeps the typed values of a rejected form", () => {
    expect(readRuleFormValues(form({ name: " n ", enabled: "on" }))).toMatchObject({ name: "n", enabled: "on", threshold: "" });
  });
});
