// The long-running agent of `bench:ingest -- --long-trace`: one trace that keeps growing, exported the
// way a BatchSpanProcessor exports it. Under one root agent span, turns (a sub-agent each, with its chats
// and tools) end one after another; each turn's spans come children first, and the root, which ends
// last, comes in the very last body. Cut into bodies of `spansPerBody` spans.
import protobuf from "protobufjs";
import { OTLP_PROTO } from "../../lib/ingest/otlp-schema";
import { createRandom } from "../demo/random";
import { APPS, MODELS, RESOURCES, SCOPE, resourceIndex } from "./catalog";
import { attributes } from "./otlp-values";
import { agent, finish, newSpanId, type Ctx } from "./traces";

export type LongTrace = { traceId: string; bodies: Buffer<ArrayBuffer>[]; spans: number };

const TraceRequest = protobuf.parse(OTLP_PROTO).root.lookupType("hindsight.otlp.ExportTraceServiceRequest");
const SPAN_KIND_INTERNAL = 1;

/** `requests` bodies of `spansPerBody` spans each, all of one trace. */
export function buildLongTrace(requests: number, spansPerBody: number, seed: number): LongTrace {
  const rng = createRandom(seed);
  const total = requests * spansPerBody;
  const traceId = Buffer.alloc(16);
  for (let i = 0; i < 16; i += 4) traceId.writeUInt32BE(rng.int(0, 0xffffffff), i);
  const app = APPS[0]!;
  const ctx: Ctx = { rng, traceId, nextSpan: 1, clockMs: 0, app, model: MODELS[0]!, conversationId: "sess_long", spans: [] };
  const rootId = newSpanId(ctx);
  const rootStartMs = ctx.clockMs;
  // Every turn is a sub-agent of at least two spans (itself and one chat); the root takes the last place.
  while (ctx.spans.length < total - 1) {
    const remaining = total - 1 - ctx.spans.length;
    let budget = Math.min(rng.int(10, 40), remaining);
    if (remaining - budget === 1) budget -= 1;
    if (budget < 2) budget = remaining;
    agent(ctx, app.subAgent, rootId, budget, {});
    ctx.clockMs += rng.int(100, 2000);
  }
  finish(ctx, {
    spanId: rootId,
    name: `invoke_agent ${app.agent}`,
    kind: SPAN_KIND_INTERNAL,
    startMs: rootStartMs,
    attributes: attributes({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": app.agent,
      "gen_ai.conversation.id": ctx.conversationId,
      "session.id": ctx.conversationId,
      "user.id": "user_long",
    }),
    status: { code: 0 },
  });
  const resource = { attributes: RESOURCES[resourceIndex(0, 0)]! };
  const bodies: Buffer<ArrayBuffer>[] = [];
  for (let i = 0; i < ctx.spans.length; i += spansPerBody) {
    const spans = ctx.spans.slice(i, i + spansPerBody);
    bodies.push(Buffer.from(TraceRequest.encode({ resourceSpans: [{ resource, scopeSpans: [{ scope: SCOPE, spans }] }] }).finish()));
  }
  return { traceId: traceId.toString("hex"), bodies, spans: ctx.spans.length };
}
