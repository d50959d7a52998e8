import { describe, expect, it } from "vitest";
import { parseApprovalListParams } from "@/lib/trace/approval-list-params";
import { auditCursor } from "@/lib/trace/audit-page-params";

const parse = (query: string, options?: { ignoreUnknown?: boolean }) => parseApprovalListParams(new URLSearchParams(query), options);

describe("parseApprovalListParams", () => {
  it("reads every filter, the limit and the cursor", () => {
    const cursor = auditCursor({ startNs: 1_700_000_000_000_000_000n, traceId: "a".repeat(32), spanId: "b".repeat(16) });
    const parsed = parse(
      `decision=rejected&action=issue_refund&agent=refunds&approver=dana&task=t&userId=u&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&limit=10&cursor=${cursor}`,
    );
    expect(parsed).toEqual({
      ok: true,
      limit: 10,
      cursor: { startNs: 1_700_000_000_000_000_000n, traceId: "a".repeat(32), spanId: "b".repeat(16) },
      filters: {
        decision: "rejected",
        action: "issue_refund",
        agent: "refunds",
        approver: "dana",
        task: "t",
        userId: "u",
        from: new Date("2026-12-01T00:00:00Z"),
        to: new Date("2026-12-02T00:00:00Z"),
      },
    });
    expect(parse("")).toEqual({ ok: true, limit: 50, cursor: undefined, filters: {} });
  });

  it("names the bad parameter", () => {
    expect(parse("decision=maybe")).toMatchObject({ ok: false, parameter: "decision" });
    expect(parse("from=yesterday")).toMatchObject({ ok: false, parameter: "from" });
    expect(parse("limit=501")).toMatchObject({ ok: false, parameter: "limit" });
    expect(parse("cursor=1.2.3")).toMatchObject({ ok: false, parameter: "cursor" });
    expect(parse("approver=%00")).toMatchObject({ ok: false, parameter: "approver" });
    expect(parse("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")).toMatchObject({ ok: false, parameter: "to" });
    expect(parse("colour=red")).toMatchObject({ ok: false, parameter: "colour", message: expect.stringContaining("unknown parameter") });
  });

  it("lets the page skip its own view state and empty form fields", () => {
    expect(parse("range=24h&decision=&agent=refunds", { ignoreUnknown: true })).toEqual({
      ok: true,
      limit: 50,
      cursor: undefined,
      filters: { agent: "refunds" },
    });
  });
});
