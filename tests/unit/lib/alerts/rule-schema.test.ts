// Alert rule validation: defaults, cross-field checks, and errors that name the field.
import { describe, expect, it } from "vitest";
import { firstIssue, resolveRuleConfig, ruleCreateSchema, rulePatchSchema, type AlertRuleConfig } from "@/lib/alerts/rule-schema";

function create(body: unknown) {
  const parsed = ruleCreateSchema.safeParse(body);
  return parsed.success ? resolveRuleConfig(parsed.data) : { ok: false as const, ...firstIssue(parsed.error) };
}
function patch(existing: AlertRuleConfig, body: unknown) {
  const parsed = rulePatchSchema.safeParse(body);
  return parsed.success ? resolveRuleConfig(parsed.data, existing) : { ok: false as const, ...firstIssue(parsed.error) };
}

const BASE: AlertRuleConfig = {
  name: "r",
  metric: "cost_per_run",
  scope: "task",
  scopeValue: "t",
  threshold: 0.1,
  driftPct: null,
  windowMinutes: 30,
  minRuns: 1,
  webhookUrl: null,
  enabled: true,
  scoreName: null,
};

describe("creating a rule", () => {
  it("fills the defaults", () => {
    expect(create({ name: " Spend ", metric: "cost_per_day", threshold: 5 })).toEqual({
      ok: true,
      config: {
        name: "Spend",
        metric: "cost_per_day",
        scope: "all",
        scopeValue: null,
        threshold: 5,
        driftPct: null,
        windowMinutes: 1440,
        minRuns: 1,
        webhookUrl: null,
        enabled: true,
        scoreName: null,
      },
    });
    expect(
      create({
        name: "p95",
        metric: "p95_latency_ms",
        scope: "agent",
        scopeValue: "triage",
        driftPct: 50,
        windowMinutes: 15,
        webhookUrl: "https://hooks.example.com/x",
      }),
    ).toMatchObject({
      ok: true,
      config: { windowMinutes: 15, threshold: null, driftPct: 50, webhookUrl: "https://hooks.example.com/x" },
    });
  });

  it.each<[string, unknown, string, RegExp]>([
    ["missing name", { metric: "error_rate", threshold: 0.1 }, "name", /is required/],
    ["missing metric", { name: "x", threshold: 0.1 }, "metric", /is required/],
    ["unknown metric", { name: "x", metric: "tokens", threshold: 1 }, "metric", /one of cost_per_run/],
    ["unknown field", { name: "x", metric: "error_rate", threshold: 0.1, severity: "high" }, "severity", /not a rule field/],
    ["no threshold at all", { name: "x", metric: "cost_per_run" }, "threshold", /threshold, driftPct or both/],
    ["negative threshold", { name: "x", metric: "cost_per_run", threshold: -1 }, "threshold", /0 or more/],
    ["threshold as text", { name: "x", metric: "cost_per_run", threshold: "1" }, "threshold", /must be a number/],
    ["error rate as a percentage", { name: "x", metric: "error_rate", threshold: 5 }, "threshold", /fraction/],
    ["zero drift", { name: "x", metric: "cost_per_run", driftPct: 0 }, "driftPct", /more than 0/],
    ["task scope without its task", { name: "x", metric: "cost_per_run", scope: "task", threshold: 1 }, "scopeValue", /required for scope task/],
    ["a value with scope all", { name: "x", metric: "cost_per_run", scopeValue: "t", threshold: 1 }, "scopeValue", /omitted/],
    ["a window on an hourly spend rule", { name: "x", metric: "cost_per_hour", threshold: 1, windowMinutes: 30 }, "windowMinutes", /fixed at 60/],
    ["a tiny window", { name: "x", metric: "cost_per_run", threshold: 1, windowMinutes: 1 }, "windowMinutes", /at least 5/],
    ["a webhook that is not http", { name: "x", metric: "cost_per_run", threshold: 1, webhookUrl: "ftp://x" }, "webhookUrl", /http/],
    ["enabled as text", { name: "x", metric: "cost_per_run", threshold: 1, enabled: "yes" }, "enabled", /true or false/],
  ])("refuses %s, naming %s", (_label, body, field, message) => {
    const result = create(body);
    expect(result).toMatchObject({ ok: false, field });
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});

describe("updating a rule", () => {
  it("keeps what the body leaves out and clears what it sets to null", () => {
    expect(patch(BASE, { enabled: false })).toEqual({ ok: true, config: { ...BASE, enabled: false } });
    expect(patch(BASE, { driftPct: 25, threshold: null })).toMatchObject({ ok: true, config: { threshold: null, driftPct: 25 } });
    expect(patch(BASE, { scope: "all" })).toMatchObject({ ok: true, config: { scope: "all", scopeValue: null } });
  });

  it("resets the window to the new metric's own when the metric changes", () => {
    expect(patch(BASE, { metric: "cost_per_day" })).toMatchObject({ ok: true, config: { metric: "cost_per_day", windowMinutes: 1440 } });
    expect(patch(BASE, { metric: "error_rate", threshold: 0.2 })).toMatchObject({ ok: true, config: { windowMinutes: 60 } });
  });

  it("refuses a patch that leaves the rule without a threshold", () => {
    expect(patch(BASE, { threshold: null })).toMatchObject({ ok: false, field: "threshold" });
  });
});
