import { describe, expect, it } from "vitest";
import { deriveGovernanceRows, emptyStoredGovernance, governanceChanges, spansNeedingAgent, type GovernanceSpan } from "@/lib/trace/governance-rows";

const span = (spanId: string, kind: GovernanceSpan["kind"], governance: GovernanceSpan["governance"], startNs = 1_000_000_000n): GovernanceSpan => ({
  spanId,
  name: `span ${spanId}`,
  kind,
  startNs,
  endNs: startNs + 2_500_000n,
  status: "ok",
  toolName: kind === "tool" ? `tool-${spanId}` : null,
  governance,
});
const trace = { task: "refunds", userId: "u1" };
const agents = (map: Record<string, string | null>) => (id: string) => map[id] ?? null;

describe("deriveGovernanceRows", () => {
  it("makes rows of new tool, approval and LLM spans with the trace's facts", () => {
    const fresh = [
      span("t1", "tool", { tool: { effect: "write", mcpServer: null } }),
      span("a1", "approval", { approval: { decision: "approved", action: "refund", approver: "lead", policy: null } }),
      span("l1", "llm", { llm: { requestedModel: "gpt-4o", responseModel: "gpt-4o-2024-08-06", fingerprint: null } }),
    ];
    const rows = deriveGovernanceRows(fresh, emptyStoredGovernance(), trace, agents({ t1: "support", a1: "support" }));
    expect(rows.toolCalls).toEqual([
      expect.objectContaining({ spanId: "t1", toolName: "tool-t1", effect: "write", agentName: "support", userId: "u1", runApproved: true, durationMs: 2.5 }),
    ]);
    expect(rows.approvals).toEqual([expect.objectContaining({ spanId: "a1", decision: "approved", waitMs: 2.5, task: "refunds", agentName: "support" })]);
    expect(rows.models).toEqual([{ requestedModel: "gpt-4o", responseModel: "gpt-4o-2024-08-06", fingerprint: "", task: "refunds", startNs: 1_000_000_000n }]);
  });

  it("flips stored tool calls to an approved run when an approval arrives later, and renames stored rows", () => {
    const first = deriveGovernanceRows([span("t1", "tool", { tool: { effect: "write", mcpServer: null } })], emptyStoredGovernance(), trace, agents({}));
    expect(first.toolCalls[0]!.runApproved).toBe(false);
    const stored = { ...emptyStoredGovernance(), toolCalls: new Map([["t1", first.toolCalls[0]!]]) };
    const later = [span("a1", "approval", { approval: { decision: "approved", action: "refund", approver: null, policy: null } })];
    const renamed = { task: "refund-flow", userId: "u2" };
    const rows = deriveGovernanceRows(later, stored, renamed, agents({ t1: "support" }));
    const changes = governanceChanges(rows, stored);
    expect(changes.toolCalls).toEqual([expect.objectContaining({ spanId: "t1", runApproved: true, userId: "u2", agentName: "support" })]);
    expect(changes.approvals).toEqual([{ row: expect.objectContaining({ spanId: "a1", task: "refund-flow" }), before: null }]);
  });

  it("does not approve a run on a rejection, and writes nothing that did not change", () => {
    const fresh = [
      span("t1", "tool", { tool: { effect: null, mcpServer: "mcp.example:443" } }),
      span("a1", "approval", { approval: { decision: "rejected", action: "refund", approver: null, policy: null } }),
    ];
    const rows = deriveGovernanceRows(fresh, emptyStoredGovernance(), trace, agents({}));
    expect(rows.toolCalls[0]).toMatchObject({ runApproved: false, mcpServer: "mcp.example:443" });
    const stored = { toolCalls: new Map([["t1", rows.toolCalls[0]!]]), approvals: new Map([["a1", rows.approvals[0]!]]), models: [] };
    const again = governanceChanges(deriveGovernanceRows([], stored, trace, agents({})), stored);
    expect(again).toEqual({ toolCalls: [], approvals: [], models: [] });
  });

  it.each(["rejected", "timed_out", "escalated"])("does not count a run as approved on %s", (decision) => {
    const fresh = [
      span("t1", "tool", { tool: { effect: "write", mcpServer: null } }),
      span("a1", "approval", { approval: { decision, action: "refund", approver: null, policy: null } }),
    ];
    expect(deriveGovernanceRows(fresh, emptyStoredGovernance(), trace, agents({})).toolCalls[0]!.runApproved).toBe(false);
  });

  it("keeps the earliest sighting of a model key", () => {
    const llm = { llm: { requestedModel: "gpt-4o", responseModel: "gpt-4o-2024-11-20", fingerprint: "fp_1" } };
    const rows = deriveGovernanceRows([span("l2", "llm", llm, 5n), span("l1", "llm", llm, 3n)], emptyStoredGovernance(), trace, agents({}));
    expect(rows.models).toEqual([expect.objectContaining({ fingerprint: "fp_1", startNs: 3n })]);
  });

  it("looks up the agent of new calls and of stored rows that had none", () => {
    const stored = deriveGovernanceRows([span("t0", "tool", { tool: { effect: null, mcpServer: null } })], emptyStoredGovernance(), trace, agents({}));
    const before = { ...emptyStoredGovernance(), toolCalls: new Map([["t0", stored.toolCalls[0]!]]) };
    expect(spansNeedingAgent([span("t1", "tool", { tool: { effect: null, mcpServer: null } }), span("x", "chain", undefined)], before)).toEqual(["t1", "t0"]);
  });
});
