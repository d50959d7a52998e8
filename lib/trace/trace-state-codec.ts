// TraceState as the JSON text stored with the trace's summary row (big integers as decimal strings).
// A text that does not decode (a future version, a hand-edited row) reads as "no state", and the
// summary is then rebuilt from the trace's spans. Pure.
import { z } from "zod";
import type { TraceState } from "./trace-state";

const VERSION = 1;

const big = z
  .string()
  .regex(/^-?\d+$/)
  .transform(BigInt);
const first = z.object({ startNs: big, spanId: z.string(), value: z.string() }).nullable();
const schema = z.object({
  v: z.literal(VERSION),
  spanCount: z.number(),
  errorCount: z.number(),
  toolCallCount: z.number(),
  llmCallCount: z.number(),
  unpricedCount: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costPico: big,
  startNs: big,
  endNs: big,
  root: z.object({
    spanId: z.string(),
    startNs: big,
    name: z.string(),
    serviceName: z.string().nullable(),
    sessionId: z.string().nullable(),
    userId: z.string().nullable(),
    parentless: z.boolean(),
  }),
  firstSession: first,
  firstUser: first,
  tools: z.array(z.string()),
  agents: z.array(z.string()),
  models: z.array(z.object({ model: z.string(), calls: z.number(), costPico: big, inputTokens: z.number(), outputTokens: z.number() })),
  agent: z
    .object({
      category: z.union([z.literal(0), z.literal(1)]),
      depth: z.number(),
      startNs: big,
      spanId: z.string(),
      name: z.string(),
      top: z.object({ parentSpanId: z.string(), spanId: z.string() }),
    })
    .nullable(),
  cyclic: z.boolean(),
});

export function encodeTraceState(state: TraceState): string {
  return JSON.stringify({ v: VERSION, ...state }, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/** The state, or null when the text is missing or not a state this version wrote. */
export function decodeTraceState(text: string | null | undefined): TraceState | null {
  if (!text) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { v: _version, ...state } = parsed.data;
    return state;
  } catch {
    return null;
  }
}
