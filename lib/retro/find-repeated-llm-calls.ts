// Repeated LLM calls: calls with the same model and the same input messages (canonical JSON) at least
// `loopThreshold` times. Only the innermost LLM spans count: a wrapper LLM span around another LLM span
// (two instrumentations of one call) would report the same repetition twice. Calls whose input was not
// captured are not compared. The waste is every call after the first: its duration and its cost.
import { groupBySameContent } from "@/lib/retro/group-by-content";
import type { TraceIndex } from "@/lib/retro/trace-index";
import type { Finding } from "@/lib/retro/types";
import { costOf, durationOf, idsOf, owningAgents } from "@/lib/retro/waste";

export function findRepeatedLlmCalls(index: TraceIndex, loopThreshold: number): Finding[] {
  const wrapsLlm = new Uint8Array(index.spans.length);
  for (let k = index.preorder.length - 1; k >= 0; k--) {
    const i = index.preorder[k]!;
    const p = index.parent[i]!;
    if (p >= 0 && (wrapsLlm[i] || index.kinds[i] === "llm")) wrapsLlm[p] = 1;
  }

  const calls: number[] = [];
  for (let i = 0; i < index.spans.length; i++) if (index.kinds[i] === "llm" && !wrapsLlm[i]) calls.push(i);
  const groups = groupBySameContent(
    calls,
    (i) => index.spans[i]!.model ?? "",
    (i) => index.spans[i]!.input,
    loopThreshold,
  );

  const findings: Finding[] = [];
  for (const calls of groups) {
    const repeats = calls.slice(1);
    const agents = owningAgents(index, calls);
    findings.push({
      type: "repeated_llm_call",
      spanIds: idsOf(index, calls),
      count: calls.length,
      wastedMs: durationOf(index, repeats),
      wastedCostUsd: costOf(index, repeats),
      ...(agents ? { agents } : {}),
    });
  }
  return findings;
}
