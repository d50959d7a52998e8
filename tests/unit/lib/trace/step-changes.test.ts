// What changed between two aligned steps, as text diffs rendered as text.
import { expect, it } from "vitest";
import { describeStepChanges } from "@/lib/trace/step-changes";

const side = (
  over: Partial<{ model: string | null; input: unknown; output: unknown; status: "ok" | "error" | "unset"; statusMessage: string | null }> = {},
) => ({
  model: "gpt-4o-mini",
  input: { q: "fines" },
  output: "ok",
  status: "ok" as const,
  statusMessage: null,
  ...over,
});

it("diffs the named fields: model by word, JSON arguments pretty-printed, status with its message", () => {
  const changes = describeStepChanges(side(), side({ model: "gpt-4o", input: { q: "fines 2025" }, status: "error", statusMessage: "429" }), [
    "model",
    "arguments",
    "status",
  ]);
  expect(changes.map((c) => c.field)).toEqual(["model", "arguments", "status"]);
  expect(changes[0]!.diff.parts).toEqual([
    { op: "equal", text: "gpt-4o" },
    { op: "delete", text: "-mini" },
  ]);
  expect(changes[1]!.diff.parts.filter((p) => p.op !== "equal").map((p) => p.text.trim())).toEqual(['"q": "fines"', '"q": "fines 2025"']);
  expect(changes[2]!.diff.parts.map((p) => p.text).join("")).toContain("error: 429");
});

it("shows a missing side as empty (an added or removed step)", () => {
  const [output] = describeStepChanges(null, side({ output: "<b>hi</b>" }), ["output"]);
  expect(output!.diff.parts).toEqual([{ op: "insert", text: "<b>hi</b>" }]);
});
