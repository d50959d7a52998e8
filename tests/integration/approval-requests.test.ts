// GET /api/v1/approvals on both databases, from approvals traced by our SDK's traceApproval inside the planted
// two-agent pipeline (a real MCP server and client too): every request with its decision, approver and exact
// wait, newest first; each filter; cursor pages; bad parameters named.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApprovalRequestPage } from "@/lib/trace/approval-list-types";
import { otlpJson, runPlantedPipeline, type PlantedPipeline, type PlantedRun } from "./pipeline/planted-pipeline";
import { authHeaders, forEachDatabase, postOtlp, type TestServer } from "./support";

const HOUR = 3_600_000;
const START = Math.floor(Date.now() / HOUR) * HOUR - 5 * 86_400_000; // five days ago, on the hour
const RUN_ID = randomUUID().slice(0, 8);
const LEAD = `lead-${RUN_ID}`;
const FINANCE = `finance-${RUN_ID}`;
const RUNS: PlantedRun[] = [
  { startMs: START, llmMs: [100, 400], approvalMs: 60_000, refundFails: false, model2: "gpt-4o", decision: "approved", approver: LEAD },
  { startMs: START + 60_000, llmMs: [200, 400], approvalMs: 30_000, refundFails: false, model2: "gpt-4o", decision: "rejected", approver: FINANCE },
  { startMs: START + 120_000, llmMs: [300, 400], approvalMs: 90_000, refundFails: false, model2: "gpt-4o", decision: "timed_out" },
  { startMs: START + 180_000, llmMs: [100, 200], approvalMs: 45_000, refundFails: true, model2: "gpt-4o", decision: "approved", approver: FINANCE },
];
const iso = (ms: number) => new Date(ms).toISOString();

let planted!: PlantedPipeline;
beforeAll(async () => {
  planted = await runPlantedPipeline(RUN_ID, RUNS);
}, 60_000);

async function list(server: TestServer, params: Record<string, string>): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1/approvals?${new URLSearchParams(params)}`, { headers: authHeaders(server) });
}

async function page(server: TestServer, params: Record<string, string>): Promise<ApprovalRequestPage> {
  const response = await list(server, { from: iso(START - HOUR), to: iso(START + HOUR), agent: planted.refunds, ...params });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ApprovalRequestPage;
}

forEachDatabase((server) => {
  describe("approval requests", () => {
    beforeAll(async () => {
      const response = await postOtlp(server, otlpJson(planted.spans), { "content-type": "application/json" });
      expect(response.status).toBe(200);
    });

    it("lists every request newest first with its decision, approver and exact wait", async () => {
      const { data, nextCursor } = await page(server, {});
      expect(nextCursor).toBeNull();
      expect(data.map(({ decision, approver, waitMs, action, agentName, task }) => ({ decision, approver, waitMs, action, agentName, task }))).toEqual(
        [...RUNS].reverse().map((run) => ({
          decision: run.decision,
          approver: run.approver ?? null,
          waitMs: run.approvalMs,
          action: "issue_refund",
          agentName: planted.refunds,
          task: planted.task,
        })),
      );
      // Each approval starts after its run's two model calls.
      expect(data.map((r) => Date.parse(r.time))).toEqual([...RUNS].reverse().map((run) => run.startMs + run.llmMs[0] + run.llmMs[1]));
      expect(data.every((r) => /^[0-9a-f]{32}$/.test(r.traceId) && /^[0-9a-f]{16}$/.test(r.spanId))).toBe(true);
      expect(new Set(data.map((r) => r.traceId)).size).toBe(RUNS.length);
    });

    it("filters by decision, approver, action, task and time", async () => {
      expect((await page(server, { decision: "approved" })).data.map((r) => r.waitMs)).toEqual([45_000, 60_000]);
      expect((await page(server, { decision: "timed_out" })).data.map((r) => r.approver)).toEqual([null]);
      expect((await page(server, { approver: FINANCE })).data.map((r) => r.decision)).toEqual(["approved", "rejected"]);
      expect((await page(server, { approver: FINANCE, decision: "rejected" })).data).toHaveLength(1);
      expect((await page(server, { action: "issue_refund", task: planted.task })).data).toHaveLength(4);
      expect((await page(server, { action: "delete_account" })).data).toHaveLength(0);
      expect((await page(server, { from: iso(START + 60_000), to: iso(START + 180_000) })).data.map((r) => r.decision)).toEqual(["timed_out", "rejected"]);
    });

    it("pages with the cursor without losing or repeating a request", async () => {
      const first = await page(server, { limit: "3" });
      expect(first.data).toHaveLength(3);
      expect(first.nextCursor).toMatch(/^\d+\.[0-9a-f]{32}\.[0-9a-f]{16}$/);
      const second = await page(server, { limit: "3", cursor: first.nextCursor! });
      expect(second.nextCursor).toBeNull();
      expect([...first.data, ...second.data].map((r) => r.waitMs)).toEqual([45_000, 90_000, 30_000, 60_000]);
    });

    it("names the bad parameter", async () => {
      for (const [params, parameter] of [
        [{ decision: "maybe" }, "decision"],
        [{ from: "yesterday" }, "from"],
        [{ cursor: "x" }, "cursor"],
        [{ limit: "0" }, "limit"],
        [{ colour: "red" }, "colour"],
        [{ from: iso(START), to: iso(START - 1) }, "to"],
      ] as const) {
        const response = await list(server, params);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { parameter: string }).parameter).toBe(parameter);
      }
    });
  });
});
