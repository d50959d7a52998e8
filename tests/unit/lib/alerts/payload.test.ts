// Webhook payloads and their dashboard links.
import { describe, expect, it } from "vitest";
import { buildPayload, tracesLink } from "@/lib/alerts/payload";
import type { AlertRuleConfig } from "@/lib/alerts/rule-schema";

const window = { fromMs: Date.parse("2026-11-21T09:18:00Z"), toMs: Date.parse("2026-11-21T10:18:00Z") };
const rule: AlertRuleConfig & { id: string } = {
  id: "r1",
  name: "Refund cost",
  metric: "cost_per_run",
  scope: "task",
  scopeValue: "refund flow",
  threshold: 0.05,
  driftPct: 50,
  windowMinutes: 60,
  minRuns: 1,
  webhookUrl: "http://127.0.0.1:1/hook",
  enabled: true,
  scoreName: null,
};

describe("tracesLink", () => {
  it.each<[Partial<AlertRuleConfig>, string]>([
    [{}, "/traces?name=refund+flow&from=2026-11-21T09%3A18%3A00.000Z&to=2026-11-21T10%3A18%3A00.000Z&sort=cost&order=desc"],
    [
      { scope: "agent", scopeValue: "triage", metric: "p95_latency_ms" },
      "/traces?agent=triage&from=2026-11-21T09%3A18%3A00.000Z&to=2026-11-21T10%3A18%3A00.000Z&sort=duration&order=desc",
    ],
    [
      { scope: "user", scopeValue: "maya", metric: "error_rate" },
      "/traces?userId=maya&from=2026-11-21T09%3A18%3A00.000Z&to=2026-11-21T10%3A18%3A00.000Z&status=error",
    ],
    [
      { scope: "all", scopeValue: null, metric: "cost_per_day" },
      "/traces?from=2026-11-21T09%3A18%3A00.000Z&to=2026-11-21T10%3A18%3A00.000Z&sort=cost&order=desc",
    ],
  ])("%o", (change, path) => {
    expect(tracesLink("https://hindsight.example.com/", { ...rule, ...change }, window)).toBe(`https://hindsight.example.com${path}`);
  });
});

describe("buildPayload", () => {
  it("carries the rule, the incident, the value, its baseline and limit, and links", () => {
    const incident = { id: "i1", startMs: window.toMs - 1000, endMs: null, peakValue: 0.09, exampleTraceIds: ["a".repeat(32)] };
    expect(buildPayload("http://localhost:3000", { state: "firing", rule, incident, value: 0.09, baseline: 0.04, limit: 0.05, window })).toEqual({
      state: "firing",
      rule: {
        id: "r1",
        name: "Refund cost",
        metric: "cost_per_run",
        scope: "task",
        scopeValue: "refund flow",
        threshold: 0.05,
        driftPct: 50,
        windowMinutes: 60,
      },
      incident: { id: "i1", startedAt: "2026-11-21T10:17:59.000Z", endedAt: null, peakValue: 0.09 },
      value: 0.09,
      baseline: 0.04,
      threshold: 0.05,
      window: { from: "2026-11-21T09:18:00.000Z", to: "2026-11-21T10:18:00.000Z" },
      links: {
        traces: "http://localhost:3000/traces?name=refund+flow&from=2026-11-21T09%3A18%3A00.000Z&to=2026-11-21T10%3A18%3A00.000Z&sort=cost&order=desc",
        examples: [{ traceId: "a".repeat(32), url: `http://localhost:3000/traces/${"a".repeat(32)}` }],
      },
    });
  });
});
