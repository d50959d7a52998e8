// Tool loops: one tool called with the same arguments (canonical JSON) at least `loopThreshold` times in a
// trace. The waste is every call after the first together with the LLM call that asked for it: the nearest
// LLM span under the same parent that ended before the tool call started. An LLM call that asked for the
// first call too (several tool calls in one response) is not waste, and each LLM call counts once.
// Tool spans whose arguments were not captured are not compared: "unknown" is not "the same".
import { groupBySameContent } from "@/lib/retro/group-by-content";
import type { TraceIndex } from "@/lib/retro/trace-index";
import type { Finding } from "@/lib/retro/types";
import { costOf, durationOf, idsOf, owningAgents } from "@/lib/retro/waste";

export function findToolLoops(index: TraceIndex, loopThreshold: number): Finding[] {
  const toolCalls: number[] = [];
  for (let i = 0; i < index.spans.length; i++) if (index.kinds[i] === "tool") toolCalls.push(i);
  const groups = groupBySameContent(
    toolCalls,
    (i) => index.spans[i]!.toolName ?? index.spans[i]!.name,
    (i) => index.spans[i]!.input,
    loopThreshold,
  );

  const askers = new AskingLlmLookup(index);
  const findings: Finding[] = [];
  for (const calls of groups) {
    const firstAsker = askers.find(calls[0]!);
    const wastedLlms = new Set<number>();
    for (const call of calls.slice(1)) {
      const asker = askers.find(call);
      if (asker >= 0 && asker !== firstAsker) wastedLlms.add(asker);
    }
    const first = index.spans[calls[0]!]!;
    const agents = owningAgents(index, calls);
    findings.push({
      type: "tool_loop",
      spanIds: idsOf(index, calls),
      count: calls.length,
      wastedMs: durationOf(index, calls.slice(1)) + durationOf(index, wastedLlms),
      wastedCostUsd: costOf(index, wastedLlms),
      toolName: first.toolName ?? first.name,
      ...(agents ? { agents } : {}),
    });
  }
  return findings;
}

/** Finds, per tool call, the LLM sibling that ended last before the call started (binary search per parent). */
class AskingLlmLookup {
  private readonly byParent = new Map<number, number[]>();

  constructor(private readonly index: TraceIndex) {}

  /** Index of the asking LLM span of tool call `call`, or -1. */
  find(call: number): number {
    const { index } = this;
    const parent = index.parent[call]!;
    const llms = this.llmSiblings(parent);
    const started = index.start[call]!;
    let lo = 0;
    let hi = llms.length; // first position whose end is after `started`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index.end[llms[mid]!]! <= started) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? llms[lo - 1]! : -1;
  }

  /** LLM children of `parent` (-1: the top-level spans), by end then start order. */
  private llmSiblings(parent: number): number[] {
    let llms = this.byParent.get(parent);
    if (!llms) {
      const { index } = this;
      llms = (parent >= 0 ? index.children[parent]! : index.roots).filter((i) => index.kinds[i] === "llm");
      llms.sort((a, b) => index.end[a]! - index.end[b]! || a - b);
      this.byParent.set(parent, llms);
    }
    return llms;
  }
}
