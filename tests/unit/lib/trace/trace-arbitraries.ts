// fast-check generators of small traces with everything that makes summaries order-dependent when done
// wrong: roots, orphans, late parents, wrappers over calls with usage, reported costs without tokens,
// unpriced calls, agent names at several depths, equal start times, and (rarely) parent cycles. Shared
// by the pure incremental-summary test and the database-backed rollup test.
import fc from "fast-check";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { storedSpan } from "../../support/stored-span";

const BASE_NS = BigInt(Date.UTC(2026, 10, 21, 23, 58)) * 1_000_000n;
export const spanIdOf = (traceIndex: number, i: number) => `${traceIndex.toString(16).padStart(8, "0")}${i.toString(16).padStart(8, "0")}`;

const nullable = <T>(values: T[]) => fc.constantFrom<T | null>(null, ...values);

type Shape = {
  parent: { to: "none" } | { to: "earlier"; at: number } | { to: "any"; at: number } | { to: "missing" };
  kind: SpanRecord["kind"];
  inputTokens: number | null;
  outputTokens: number | null;
  cost: { usd: number; source: "computed" | "reported" } | null;
  model: string | null;
  agentName: string | null;
  startMs: number;
  durationMs: number;
};

const shape = fc.record({
  parent: fc.oneof(
    { weight: 2, arbitrary: fc.constant({ to: "none" as const }) },
    { weight: 12, arbitrary: fc.nat().map((at) => ({ to: "earlier" as const, at })) },
    { weight: 1, arbitrary: fc.nat().map((at) => ({ to: "any" as const, at })) },
    { weight: 1, arbitrary: fc.constant({ to: "missing" as const }) },
  ),
  kind: fc.constantFrom<SpanRecord["kind"]>("llm", "llm", "embedding", "agent", "tool", "chain", "other"),
  inputTokens: nullable([0, 7, 120, 3000]),
  outputTokens: nullable([0, 3, 45]),
  cost: fc.option(fc.record({ usd: fc.constantFrom(0, 0.1, 0.0003, 1e-7, 2.5), source: fc.constantFrom<"computed" | "reported">("computed", "reported") }), {
    nil: null,
  }),
  model: nullable(["gpt-4o", "gpt-4o-mini", "claude-haiku-4-5"]),
  agentName: fc.constantFrom(null, null, null, "planner", "worker"),
  startMs: fc.integer({ min: 0, max: 12 }),
  durationMs: fc.integer({ min: 0, max: 400 }),
}) satisfies fc.Arbitrary<Shape>;

const extras = fc.record({
  status: fc.constantFrom<SpanRecord["status"]>("ok", "ok", "ok", "error"),
  toolName: nullable(["search", "fetch"]),
  sessionId: nullable(["s1", "s2"]),
  userId: nullable(["u1", "u2"]),
  serviceName: nullable(["svc-a", "svc-b"]),
  name: fc.constantFrom("run", "step", "call", "tool"),
});

function parentOf(s: Shape, i: number, count: number, ids: string[], traceIndex: number): string | null {
  switch (s.parent.to) {
    case "none":
      return null;
    case "earlier":
      return i === 0 ? null : ids[s.parent.at % i]!;
    case "any":
      return ids[s.parent.at % count]!;
    case "missing":
      return spanIdOf(traceIndex + 0x8000, i);
  }
}

/** 1–`maxSpans` spans of one trace. */
export function arbitraryTrace(traceId: string, traceIndex = 1, maxSpans = 24): fc.Arbitrary<SpanRecord[]> {
  return fc.array(fc.tuple(shape, extras), { minLength: 1, maxLength: maxSpans }).map((items) => {
    const ids = items.map((_, i) => spanIdOf(traceIndex, i));
    return items.map(([s, extra], i) => {
      const startNs = BASE_NS + BigInt(s.startMs) * 60_000_000_000n;
      return storedSpan({
        traceId,
        ...extra,
        spanId: ids[i]!,
        parentSpanId: parentOf(s, i, items.length, ids, traceIndex),
        kind: s.kind,
        startNs,
        endNs: startNs + BigInt(s.durationMs) * 1_000_000n,
        inputTokens: s.inputTokens,
        outputTokens: s.outputTokens,
        costUsd: s.cost?.usd ?? null,
        costSource: s.cost?.source ?? null,
        model: s.model,
        agentName: s.agentName,
        name: `${extra.name}-${i}`,
      });
    });
  });
}

/**
 * The spans in a random order, some sent twice (the second copy altered, as a buggy exporter might:
 * it must be ignored), cut into batches of 1–6. `randomness` drives every choice, so fast-check can
 * shrink it.
 */
export function arrivals<T extends { spanId: string; name: string }>(spans: readonly T[], randomness: Iterable<number>): T[][] {
  const iterator = randomness[Symbol.iterator]();
  const next = () => iterator.next().value as number;
  const sent = spans.flatMap((span) => (next() % 5 === 0 ? [span, { ...span, name: `${span.name} (second copy)` }] : [span]));
  for (let i = sent.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [sent[i], sent[j]] = [sent[j]!, sent[i]!];
  }
  const batches: T[][] = [];
  for (let i = 0; i < sent.length;) {
    const size = 1 + (next() % 6);
    batches.push(sent.slice(i, i + size));
    i += size;
  }
  return batches;
}
