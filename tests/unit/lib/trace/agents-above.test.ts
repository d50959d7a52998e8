import { describe, expect, it } from "vitest";
import { agentsAbove, type SpanLink } from "@/lib/trace/agents-above";

const links = (entries: Record<string, [string | null, string | null]>) =>
  new Map<string, SpanLink>(Object.entries(entries).map(([id, [parentSpanId, agentName]]) => [id, { parentSpanId, agentName }]));

describe("agentsAbove", () => {
  const trace = links({
    root: [null, null],
    agent: ["root", "triage"],
    llm: ["agent", null],
    tool: ["llm", null],
    self: ["agent", "refunds"],
    orphan: ["gone", null],
    top: [null, null],
  });

  it("finds the nearest agent at or above a span", () => {
    const { found, undecided } = agentsAbove(trace, ["tool", "self", "agent"], 256);
    expect(Object.fromEntries(found)).toEqual({ tool: "triage", self: "refunds", agent: "triage" });
    expect(undecided).toEqual([]);
  });

  it("answers no agent when the walk reaches a root", () => {
    expect(agentsAbove(trace, ["top", "root"], 256).found).toEqual(
      new Map([
        ["top", null],
        ["root", null],
      ]),
    );
  });

  it("leaves spans whose ancestry leaves the links to the database", () => {
    const { found, undecided } = agentsAbove(trace, ["orphan", "not-in-batch", "tool"], 256);
    expect(undecided).toEqual(["orphan", "not-in-batch"]);
    expect([...found.keys()]).toEqual(["tool"]);
  });

  it("ends a walk round a parent cycle after maxDepth steps with no agent", () => {
    const cycle = links({ a: ["b", null], b: ["a", null] });
    expect(agentsAbove(cycle, ["a"], 5).found.get("a")).toBeNull();
    // Within the bound an agent is still found.
    expect(agentsAbove(links({ a: ["b", null], b: ["c", null], c: [null, "x"] }), ["a"], 2).found.get("a")).toBe("x");
    expect(agentsAbove(links({ a: ["b", null], b: ["c", null], c: [null, "x"] }), ["a"], 1).found.get("a")).toBeNull();
  });
});
