// The agent above a span, from the spans a commit has in hand: the nearest span at or above it that names
// an agent, walking parent links through `links`. A walk that reaches a parent `links` does not hold cannot
// be decided here (that parent may be stored from an earlier commit) and is left to the database's walk.
// Same rules as the database walk: the span itself counts, a root ends the walk, and after `maxDepth`
// steps (a parent cycle) the answer is no agent.

export type SpanLink = { parentSpanId: string | null; agentName: string | null };

export type AgentsAbove = { found: Map<string, string | null>; undecided: string[] };

export function agentsAbove(links: ReadonlyMap<string, SpanLink>, spanIds: readonly string[], maxDepth: number): AgentsAbove {
  const found = new Map<string, string | null>();
  const undecided: string[] = [];
  for (const spanId of spanIds) {
    let link = links.get(spanId);
    let answer: string | null | undefined;
    for (let depth = 0; link !== undefined; depth++) {
      if (link.agentName !== null) answer = link.agentName;
      else if (link.parentSpanId === null || depth >= maxDepth) answer = null;
      if (answer !== undefined) break;
      link = links.get(link.parentSpanId!);
    }
    if (answer === undefined) undecided.push(spanId);
    else found.set(spanId, answer);
  }
  return { found, undecided };
}
