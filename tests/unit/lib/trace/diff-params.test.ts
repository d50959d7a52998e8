// parseDiffParams: query parameters of GET /api/v1/traces/diff and the compare page; every error names its parameter.
import { describe, expect, it } from "vitest";
import { parseDiffParams } from "@/lib/trace/diff-params";

const A = "4bf92f3577b34da6a3ce929d0e0e4736";
const B = "0af7651916cd43dd8448eb211c80319c";
const parse = (query: string) => parseDiffParams(new URLSearchParams(query));

describe("parseDiffParams", () => {
  it("two trace ids, lower-cased", () => {
    expect(parse(`a=${A.toUpperCase()}&b=${B}`)).toEqual({ ok: true, a: A, b: B });
  });

  it("b may be the baseline", () => {
    expect(parse(`a=${A}&b=baseline`)).toEqual({ ok: true, a: A, b: "baseline" });
  });

  it.each<[string, string, string]>([
    ["", "a", "is required"],
    [`a=${A}`, "b", "is required"],
    [`a=xyz&b=${B}`, "a", "must be 32 hexadecimal characters"],
    [`a=${A}&b=BASELINE`, "b", 'must be 32 hexadecimal characters or "baseline"'],
    [`a=${A}&b=${B}&c=1`, "c", "unknown parameter; allowed: a, b"],
  ])("%s → %s %s", (query, parameter, message) => {
    expect(parse(query)).toEqual({ ok: false, parameter, message });
  });
});
