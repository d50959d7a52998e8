import { describe, expect, it } from "vitest";
import { parseAuditLogParams } from "@/lib/access/audit-log-params";

const parse = (query: string) => parseAuditLogParams(new URLSearchParams(query));

describe("parseAuditLogParams", () => {
  it("reads times as milliseconds and keeps a cursor", () => {
    const cursor = "1763700000000_0b6f2d1e-8c5a-4f7e-9d2b-3a4c5d6e7f80";
    expect(parse(`from=2026-11-21T10:00:00Z&to=2026-11-22T10:00:00.000Z&cursor=${cursor}`)).toEqual({
      ok: true,
      fromMs: Date.parse("2026-11-21T10:00:00Z"),
      toMs: Date.parse("2026-11-22T10:00:00Z"),
      cursor,
    });
  });

  it("takes nothing as no filter and ignores other parameters", () => {
    expect(parse("project=default&limit=3")).toEqual({ ok: true, fromMs: undefined, toMs: undefined, cursor: undefined });
  });

  it.each([
    ["from=yesterday", "from", "must be an ISO 8601 time"],
    ["to=", "to", "must be an ISO 8601 time"],
    ["cursor=abc", "cursor", "is not a cursor this endpoint gave"],
  ])("%s → 400 naming %s", (query, parameter, message) => {
    expect(parse(query)).toEqual({ ok: false, parameter, message });
  });
});
