// Agent cycles: the same sequence of agent hand-offs repeated back to back (A → B → A → B …) at least twice.
//
// The hand-off sequence is the trace's agent spans in start order, whatever their nesting (hand-offs are
// siblings in the OpenAI Agents SDK, nested calls elsewhere, children of a supervisor in LangGraph). An
// agent span directly inside an agent span of the same name (one agent traced by two instrumentations)
// joins that step. Scanning left to right, a cycle starts at the first step where a round of 2..MAX_PERIOD
// steps with at least two agents repeats back to back; the period covering the most steps wins (the
// shorter on a tie) and scanning resumes after the cycle. Only complete rounds count: A → B → A → B → A is
// 2 rounds. One agent called again and again (A → A → A) is no hand-off cycle.
//
// The waste is the agent spans of every round after the first: their duration (a wasted span inside another
// wasted span counts once) and the cost of the LLM calls inside them.
import { descendants, type TraceIndex } from "@/lib/retro/trace-index";
import type { Finding } from "@/lib/retro/types";
import { costOf, durationOf, idsOf } from "@/lib/retro/waste";

const MAX_PERIOD = 16;

type Step = { name: string; spans: number[] };

export function findAgentCycles(index: TraceIndex): Finding[] {
  const steps = handOffSteps(index);
  const ids = internNames(steps);
  const findings: Finding[] = [];
  let i = 0;
  while (i < steps.length) {
    const cycle = longestTandemRepeat(ids, i);
    if (!cycle) {
      i++;
      continue;
    }
    const { period, rounds } = cycle;
    findings.push(toFinding(index, steps.slice(i, i + period * rounds), period, rounds));
    i += period * rounds;
  }
  return findings;
}

function handOffSteps(index: TraceIndex): Step[] {
  const steps: Step[] = [];
  const stepOf = new Map<number, Step>();
  for (let i = 0; i < index.spans.length; i++) {
    if (index.kinds[i] !== "agent") continue;
    const name = agentName(index, i);
    const outer = nearestAgentAbove(index, i);
    const step = outer >= 0 && agentName(index, outer) === name ? stepOf.get(outer)! : { name, spans: [] };
    if (step.spans.length === 0) steps.push(step);
    step.spans.push(i);
    stepOf.set(i, step);
  }
  return steps;
}

const agentName = (index: TraceIndex, i: number) => index.spans[i]!.agentName ?? index.spans[i]!.name;

function nearestAgentAbove(index: TraceIndex, i: number): number {
  for (let j = index.parent[i]!; j >= 0; j = index.parent[j]!) if (index.kinds[j] === "agent") return j;
  return -1;
}

function internNames(steps: Step[]): Int32Array {
  const idOf = new Map<string, number>();
  const ids = new Int32Array(steps.length);
  steps.forEach((step, k) => {
    let id = idOf.get(step.name);
    if (id === undefined) idOf.set(step.name, (id = idOf.size));
    ids[k] = id;
  });
  return ids;
}

/** The back-to-back repetition starting at `start` that covers the most steps, or null when none repeats twice. */
function longestTandemRepeat(ids: Int32Array, start: number): { period: number; rounds: number } | null {
  let best: { period: number; rounds: number } | null = null;
  const maxPeriod = Math.min(MAX_PERIOD, Math.floor((ids.length - start) / 2));
  for (let period = 2; period <= maxPeriod; period++) {
    let matched = 0;
    while (start + matched + period < ids.length && ids[start + matched] === ids[start + matched + period]) matched++;
    const rounds = 1 + Math.floor(matched / period);
    if (rounds >= 2 && (!best || rounds * period > best.rounds * best.period) && hasTwoAgents(ids, start, period)) best = { period, rounds };
  }
  return best;
}

/** A round of one agent over and over is no hand-off. */
function hasTwoAgents(ids: Int32Array, start: number, period: number): boolean {
  for (let k = start + 1; k < start + period; k++) if (ids[k] !== ids[start]) return true;
  return false;
}

function toFinding(index: TraceIndex, steps: Step[], period: number, rounds: number): Finding {
  const all = steps.flatMap((step) => step.spans);
  const wasted = new Set(steps.slice(period).flatMap((step) => step.spans));
  const outermost = [...wasted].filter((i) => !hasAncestorIn(index, i, wasted));
  const llmCalls: number[] = [];
  for (const i of outermost) {
    for (const j of descendants(index, i)) {
      if ((index.kinds[j] === "llm" || index.kinds[j] === "embedding") && !index.covered[j]) llmCalls.push(j);
    }
  }
  return {
    type: "agent_cycle",
    spanIds: idsOf(index, all),
    count: rounds,
    wastedMs: durationOf(index, outermost),
    wastedCostUsd: costOf(index, llmCalls),
    agents: steps.slice(0, period).map((step) => step.name),
  };
}

function hasAncestorIn(index: TraceIndex, i: number, set: Set<number>): boolean {
  for (let j = index.parent[i]!; j >= 0; j = index.parent[j]!) if (set.has(j)) return true;
  return false;
}
