import { describe, expect, it } from "vitest";
import { isApprovalSpan, mcpServerOf, readGovernanceFacts } from "@/lib/ingest/governance-facts";

describe("governance facts", () => {
  it("reads an approval's decision, action, approver and policy", () => {
    const attrs = { "hindsight.approval.decision": " Approved ", "hindsight.approval.action": "issue_refund", "hindsight.approval.approver": "lead" };
    expect(isApprovalSpan(attrs)).toBe(true);
    expect(isApprovalSpan({ "hindsight.approval.decision": " " })).toBe(false);
    expect(readGovernanceFacts(attrs, "approval", 1, null)).toEqual({
      approval: { decision: "approved", action: "issue_refund", approver: "lead", policy: null },
    });
  });

  it("reads a tool's declared effect and its MCP server by the conventions' order", () => {
    expect(readGovernanceFacts({ "hindsight.tool.effect": "WRITE" }, "tool", 1, null)).toEqual({ tool: { effect: "write", mcpServer: null } });
    expect(readGovernanceFacts({ "hindsight.tool.effect": "delete" }, "tool", 1, null)).toEqual({ tool: { effect: null, mcpServer: null } });
    expect(mcpServerOf({ "mcp.method.name": "tools/call", "server.address": "mcp.local", "server.port": 8080 }, 3, "svc")).toBe("mcp.local:8080");
    expect(mcpServerOf({ "gen_ai.tool.type": "mcp", "mcp.server.name": "files" }, 3, "svc")).toBe("files");
    expect(mcpServerOf({ "mcp.method.name": "tools/call" }, 2, "weather-server")).toBe("weather-server");
    expect(mcpServerOf({ "mcp.method.name": "tools/call" }, 3, "weather-client")).toBeNull();
    expect(mcpServerOf({ "server.address": "api.openai.com" }, 3, null)).toBeNull();
  });

  it("reads an LLM call's requested and response model only when both are sent", () => {
    const attrs = { "gen_ai.request.model": "gpt-4o", "gen_ai.response.model": "gpt-4o-2024-08-06", "gen_ai.openai.response.system_fingerprint": "fp_1" };
    expect(readGovernanceFacts(attrs, "llm", 3, null)).toEqual({ llm: { requestedModel: "gpt-4o", responseModel: "gpt-4o-2024-08-06", fingerprint: "fp_1" } });
    expect(readGovernanceFacts({ "gen_ai.request.model": "gpt-4o" }, "llm", 3, null)).toBeUndefined();
  });
});
