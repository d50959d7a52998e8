// Governance end to end, on SQLite and PostgreSQL, through the real OTLP exporter at known times: approval
// metrics exact per bucket and group (counts exact, p50/p95 wait within 1 %); the tool-call audit's filter for
// write calls made without an approved approval in the same run (declared writes and the project's write
// tools) and its CSV export; a model change recorded when the response model behind one task and requested
// model changes, and none when only the requested model changes. Each test works in its own random hour.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { registerHindsight, traceAgent, traceApproval } from "../../instrumentation/index";
import { authHeaders, forEachDatabase, type TestServer } from "./support";
import { exportTraces, HOUR, iso, MINUTE, nearestRank, randomBaseHour, type SeedSpan, type SeedTrace } from "./support/metrics-seed";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function getJson<T>(server: TestServer, path: string, params: Record<string, string>): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
  const body = (await response.json()) as T;
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

type ApprovalPoint = {
  bucketStart: string;
  group: string;
  requests: number;
  approved: number;
  rejected: number;
  timedOut: number;
  escalated: number;
  p50WaitMs: number;
  p95WaitMs: number;
};
type ToolCall = { traceId: string; toolName: string; agentName: string | null; userId: string | null; effect: string | null; runApproved: boolean };

const DECISIONS = ["approved", "rejected", "approved", "timed_out", "approved", "escalated"] as const;
// Run i of hour h waits waitMs(h, i) for its human.
const waitMs = (h: number, i: number) => 1_000 + 370 * i + 20_000 * h;

function approvalRuns(run: string, base: number): SeedTrace[] {
  return [0, 1].flatMap((h) =>
    range(30).map((i) => ({
      name: `refunds-${run}`,
      startMs: base + h * HOUR + i * 2 * MINUTE,
      durationMs: waitMs(h, i) + 500,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": `agent-${run}-${i % 2}`, "user.id": `user-${run}` },
      children: [
        {
          name: `approval issue_refund`,
          offsetMs: 10,
          durationMs: waitMs(h, i),
          attributes: {
            "hindsight.approval.decision": DECISIONS[i % DECISIONS.length]!,
            "hindsight.approval.action": `refund-${run}`,
            "hindsight.approval.approver": `approver-${run}-${i % 3}`,
            "hindsight.approval.policy": "refunds over $100",
          },
        },
      ],
    })),
  );
}

function expectWaits(point: ApprovalPoint | undefined, waits: readonly number[]): void {
  expect(point, "missing approval point").toBeDefined();
  for (const [field, q] of [
    ["p50WaitMs", 0.5],
    ["p95WaitMs", 0.95],
  ] as const) {
    const exact = nearestRank(waits, q);
    expect(Math.abs(point![field] - exact), `${field}: ${point![field]} vs exact ${exact}`).toBeLessThanOrEqual(exact * 0.01);
  }
}

const tool = (name: string, offsetMs: number, attributes: Record<string, string> = {}): SeedSpan => ({
  name: `execute_tool ${name}`,
  offsetMs,
  durationMs: 30,
  attributes: {
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": name,
    "gen_ai.tool.call.arguments": JSON.stringify({ orderId: "o-1" }),
    ...attributes,
  },
});
const approval = (decision: string, offsetMs: number, durationMs = 5_000): SeedSpan => ({
  name: "approval",
  offsetMs,
  durationMs,
  attributes: { "hindsight.approval.decision": decision, "hindsight.approval.action": "issue_refund" },
});
const llm = (requested: string, response: string, fingerprint?: string): SeedSpan => ({
  name: `chat ${requested}`,
  offsetMs: 5,
  durationMs: 200,
  attributes: {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": requested,
    "gen_ai.response.model": response,
    ...(fingerprint ? { "gen_ai.openai.response.system_fingerprint": fingerprint } : {}),
  },
});

forEachDatabase((server) => {
  describe("approvals", () => {
    const run = randomBytes(4).toString("hex");
    const base = randomBaseHour();
    const hours = { from: iso(base), to: iso(base + 2 * HOUR) };

    beforeAll(async () => {
      await exportTraces(server, approvalRuns(run, base));
    });

    it("counts requests and decisions exactly per hour by action, with p50/p95 wait", async () => {
      const { data } = await getJson<{ data: ApprovalPoint[] }>(server, "/api/v1/metrics/approvals", { ...hours, bucket: "1h", groupBy: "action" });
      const points = data.filter((p) => p.group === `refund-${run}`);
      expect(points.map((p) => p.bucketStart)).toEqual([iso(base), iso(base + HOUR)]);
      for (const h of [0, 1]) {
        const decisions = range(30).map((i) => DECISIONS[i % DECISIONS.length]);
        expect(points[h]).toMatchObject({
          requests: 30,
          approved: decisions.filter((d) => d === "approved").length,
          rejected: 5,
          timedOut: 5,
          escalated: 5,
        });
        expectWaits(
          points[h],
          range(30).map((i) => waitMs(h, i)),
        );
      }
    });

    it("groups by agent (the nearest agent above the approval) and by approver, per 5-minute bucket", async () => {
      const byAgent = await getJson<{ data: ApprovalPoint[] }>(server, "/api/v1/metrics/approvals", { ...hours, bucket: "1h", groupBy: "agent" });
      const agent0 = byAgent.data.filter((p) => p.group === `agent-${run}-0`);
      expect(agent0.map((p) => p.requests)).toEqual([15, 15]);
      expect(agent0[0]!.rejected).toBe(range(30).filter((i) => i % 2 === 0 && DECISIONS[i % 6] === "rejected").length);
      const byApprover = await getJson<{ data: ApprovalPoint[] }>(server, "/api/v1/metrics/approvals", {
        from: iso(base),
        to: iso(base + HOUR),
        bucket: "5m",
        groupBy: "approver",
      });
      const approver1 = byApprover.data.filter((p) => p.group === `approver-${run}-1`);
      // Runs start every 2 minutes: run i is in bucket floor(2i / 5); approver 1 takes i ≡ 1 (mod 3).
      const expected = new Map<number, number[]>();
      for (const i of range(30).filter((i) => i % 3 === 1)) {
        const bucket = Math.floor((2 * i) / 5);
        expected.set(bucket, [...(expected.get(bucket) ?? []), waitMs(0, i)]);
      }
      expect(approver1.map((p) => p.bucketStart)).toEqual([...expected.keys()].map((b) => iso(base + b * 5 * MINUTE)));
      for (const [n, waits] of [...expected.values()].entries()) {
        expect(approver1[n]!.requests).toBe(waits.length);
        expectWaits(approver1[n], waits);
      }
    });

    it("stores approval spans with the approval kind", async () => {
      const { data } = await getJson<{ data: { traceId: string }[] }>(server, "/api/v1/traces", { name: `refunds-${run}`, limit: "1", from: hours.from });
      const detail = await getJson<{ spans: { kind: string; durationMs: number }[] }>(server, `/api/v1/traces/${data[0]!.traceId}`, {});
      expect(detail.spans.map((s) => s.kind).sort()).toEqual(["agent", "approval"]);
    });
  });

  describe("our SDK's traceApproval", () => {
    it("sends an approval span that the metrics count for its approver", async () => {
      const approver = `maya-${randomBytes(4).toString("hex")}`;
      const start = Date.now();
      const hindsight = registerHindsight({ endpoint: server.baseUrl, apiKey: server.apiKey, serviceName: "governance-sdk" });
      try {
        await traceAgent("refund-agent", {}, () =>
          traceApproval("issue_refund", () => ({ decision: "rejected" as const, approver }), { policy: "refunds-over-100" }),
        );
      } finally {
        await hindsight.shutdown();
      }
      const hour = Math.floor(start / HOUR) * HOUR;
      const { data } = await getJson<{ data: ApprovalPoint[] }>(server, "/api/v1/metrics/approvals", {
        from: iso(hour),
        to: iso(hour + 2 * HOUR),
        bucket: "1h",
        groupBy: "approver",
      });
      expect(data.filter((p) => p.group === approver).map((p) => [p.requests, p.rejected])).toEqual([[1, 1]]);
    });
  });

  describe("tool-call audit", () => {
    const run = randomBytes(4).toString("hex");
    const base = randomBaseHour();
    const window = { from: iso(base), to: iso(base + HOUR) };
    const agent = { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": `support-${run}` };
    const refund = `refund-${run}`;
    const lookup = `lookup-${run}`;
    const email = `send_email-${run}`;

    beforeAll(async () => {
      const put = await fetch(`${server.baseUrl}/api/v1/projects/default/write-tools`, {
        method: "PUT",
        headers: { ...authHeaders(server), "content-type": "application/json" },
        body: JSON.stringify({ tools: [email] }),
      });
      expect(put.status).toBe(200);
      const traces: SeedTrace[] = [
        // approved refund: a write with an approval
        {
          name: `approved-${run}`,
          startMs: base + MINUTE,
          durationMs: 9_000,
          attributes: { ...agent, "user.id": "u1" },
          children: [approval("approved", 5), tool(refund, 6_000, { "hindsight.tool.effect": "write" })],
        },
        // rejected then refunded anyway: a write without an approved approval
        {
          name: `rejected-${run}`,
          startMs: base + 2 * MINUTE,
          durationMs: 9_000,
          attributes: { ...agent, "user.id": "u2" },
          children: [approval("rejected", 5), tool(refund, 6_000, { "hindsight.tool.effect": "write" })],
        },
        // a write tool by the project's list, no approval at all; and a read
        {
          name: `email-${run}`,
          startMs: base + 3 * MINUTE,
          durationMs: 2_000,
          attributes: { ...agent, "user.id": "u3" },
          children: [tool(lookup, 5, { "hindsight.tool.effect": "read" }), tool(email, 100)],
        },
      ];
      await exportTraces(server, traces);
    });

    it("lists every call with agent, user and effect", async () => {
      const { data } = await getJson<{ data: ToolCall[] }>(server, "/api/v1/tool-calls", { ...window, agent: `support-${run}` });
      expect(data.map((c) => [c.toolName, c.userId, c.effect, c.runApproved])).toEqual([
        [email, "u3", "write", false],
        [lookup, "u3", "read", false],
        [refund, "u2", "write", false],
        [refund, "u1", "write", true],
      ]);
    });

    it("filters write calls made without an approval in the same run", async () => {
      const { data } = await getJson<{ data: ToolCall[] }>(server, "/api/v1/tool-calls", { ...window, withoutApproval: "true" });
      expect(data.map((c) => [c.toolName, c.userId])).toEqual([
        [email, "u3"],
        [refund, "u2"],
      ]);
    });

    it("exports the filtered log as CSV", async () => {
      const response = await fetch(`${server.baseUrl}/api/v1/tool-calls/export?${new URLSearchParams({ ...window, withoutApproval: "true" })}`, {
        headers: authHeaders(server),
      });
      expect(response.headers.get("content-type")).toContain("text/csv");
      const lines = (await response.text()).trim().split("\r\n");
      expect(lines[0]).toMatch(/^time,traceId,spanId,toolName,/);
      expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual([email, refund]);
    });
  });

  describe("alert rules on governance metrics", () => {
    const run = randomBytes(4).toString("hex");
    const agent = { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": `gate-${run}` };
    const waits = [1_000, 2_000, 3_000, 60_000];
    type Evaluated = { evaluation: { value: number | null; breached: boolean; runs: number } };

    async function evaluateRule(rule: Record<string, unknown>): Promise<Evaluated["evaluation"]> {
      const headers = { ...authHeaders(server), "content-type": "application/json" };
      const body = JSON.stringify({ name: `${String(rule.metric)} ${run}`, enabled: false, ...rule });
      const created = await fetch(`${server.baseUrl}/api/v1/alerts/rules`, { method: "POST", headers, body });
      const { id } = (await created.json()) as { id: string };
      expect(created.status, JSON.stringify(id)).toBe(201);
      const evaluated = await fetch(`${server.baseUrl}/api/v1/alerts/rules/${id}/evaluate`, { method: "POST", headers, body: "{}" });
      return ((await evaluated.json()) as Evaluated).evaluation;
    }

    beforeAll(async () => {
      const now = Date.now() - 10 * MINUTE;
      await exportTraces(server, [
        ...waits.map((wait, i) => ({
          name: `gate-${run}`,
          startMs: now + i * 1_000,
          durationMs: wait + 100,
          attributes: agent,
          children: [approval(i % 2 === 0 ? "rejected" : "approved", 10, wait)],
        })),
        { name: `live-${run}`, startMs: now - 5 * MINUTE, durationMs: 300, attributes: {}, children: [llm("gpt-4o", "gpt-4o-2024-08-06")] },
        { name: `live-${run}`, startMs: now, durationMs: 300, attributes: {}, children: [llm("gpt-4o", "gpt-4o-2024-11-20")] },
      ]);
    });

    it("measures the rejection rate and the p95 wait of the rule's agent", async () => {
      const rejection = await evaluateRule({ metric: "approval_rejection_rate", scope: "agent", scopeValue: `gate-${run}`, threshold: 0.3 });
      expect(rejection).toMatchObject({ value: 0.5, breached: true, runs: 4 });
      const wait = await evaluateRule({ metric: "approval_wait_p95_ms", scope: "agent", scopeValue: `gate-${run}`, threshold: 30_000 });
      expect(wait.breached).toBe(true);
      expect(Math.abs(wait.value! - 60_000)).toBeLessThanOrEqual(600);
    });

    it("counts model changes of the rule's task", async () => {
      const changes = await evaluateRule({ metric: "model_change", scope: "task", scopeValue: `live-${run}`, threshold: 0 });
      expect(changes).toMatchObject({ value: 1, breached: true });
    });
  });

  describe("model changes", () => {
    const run = randomBytes(4).toString("hex");
    const base = randomBaseHour();
    const at = (minute: number) => base + minute * MINUTE;

    beforeAll(async () => {
      const traces: SeedTrace[] = [
        // The task's answers change from one snapshot to another at minute 30, and the fingerprint at minute 45.
        ...range(20).map((i) => ({ name: `answer-${run}`, startMs: at(i), durationMs: 300, attributes: {}, children: [llm("gpt-4o", "gpt-4o-2024-08-06")] })),
        ...range(10).map((i) => ({
          name: `answer-${run}`,
          startMs: at(30 + i),
          durationMs: 300,
          attributes: {},
          children: [llm("gpt-4o", "gpt-4o-2024-11-20")],
        })),
        { name: `answer-${run}`, startMs: at(45), durationMs: 300, attributes: {}, children: [llm("gpt-4o", "gpt-4o-2024-11-20", "fp_b")] },
        // Another task only switches the model it asks for: no change.
        ...range(5).map((i) => ({
          name: `switch-${run}`,
          startMs: at(i),
          durationMs: 300,
          attributes: {},
          children: [llm("gpt-4o-mini", "gpt-4o-mini-2024-07-18")],
        })),
        ...range(5).map((i) => ({
          name: `switch-${run}`,
          startMs: at(30 + i),
          durationMs: 300,
          attributes: {},
          children: [llm("gpt-4o", "gpt-4o-2024-08-06")],
        })),
      ];
      await exportTraces(server, traces);
    });

    it("records a change when the response behind one task and requested model changes, at its first trace", async () => {
      const { data } = await getJson<{ data: { time: string; task: string; requestedModel: string; before: string; after: string; firstTraceId: string }[] }>(
        server,
        "/api/v1/model-changes",
        { from: iso(base), to: iso(base + HOUR), task: `answer-${run}` },
      );
      expect(data.map(({ firstTraceId: _id, ...c }) => c)).toEqual([
        { time: iso(at(30) + 5), task: `answer-${run}`, requestedModel: "gpt-4o", before: "gpt-4o-2024-08-06", after: "gpt-4o-2024-11-20" },
        { time: iso(at(45) + 5), task: `answer-${run}`, requestedModel: "gpt-4o", before: "gpt-4o-2024-11-20", after: "gpt-4o-2024-11-20 (fp_b)" },
      ]);
      const first = await getJson<{ data: { traceId: string; startTime: string }[] }>(server, "/api/v1/traces", {
        name: `answer-${run}`,
        from: iso(at(30)),
        to: iso(at(31)),
      });
      expect(data[0]!.firstTraceId).toBe(first.data[0]!.traceId);
    });

    it("records none when only the requested model changes", async () => {
      const { data } = await getJson<{ data: unknown[] }>(server, "/api/v1/model-changes", { from: iso(base), to: iso(base + HOUR), task: `switch-${run}` });
      expect(data).toEqual([]);
    });
  });
});
