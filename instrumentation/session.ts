/**
 * Session and user propagation. The ids travel as W3C baggage rather than a
 * private context key so they also cross process boundaries: NodeSDK installs
 * the baggage propagator by default, and any downstream service running this
 * SDK stamps the same ids on its spans.
 */
import { context, propagation } from "@opentelemetry/api";
import type { Attributes, Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { SESSION_ID, USER_ID } from "./attributes.js";

export type Session = { sessionId?: string; userId?: string };

/**
 * Runs `fn` with a session and/or user id in context; every span started inside
 * (by these helpers or any other instrumentation) carries `session.id` / `user.id`.
 * Nested calls merge: `withSession({ userId })` keeps the outer session id.
 */
export function withSession<R>(session: Session, fn: () => R): R {
  const active = context.active();
  let baggage = propagation.getBaggage(active) ?? propagation.createBaggage();
  if (session.sessionId) baggage = baggage.setEntry(SESSION_ID, { value: session.sessionId });
  if (session.userId) baggage = baggage.setEntry(USER_ID, { value: session.userId });
  return context.with(propagation.setBaggage(active, baggage), fn);
}

/** Returns the session and user ids in effect in `ctx` (the active context by default). */
export function getSession(ctx: Context = context.active()): Session {
  const baggage = propagation.getBaggage(ctx);
  const sessionId = baggage?.getEntry(SESSION_ID)?.value;
  const userId = baggage?.getEntry(USER_ID)?.value;
  return { ...(sessionId ? { sessionId } : {}), ...(userId ? { userId } : {}) };
}

/** The span attributes for the session in `ctx`; empty when there is none. */
export function getSessionAttributes(ctx: Context): Attributes {
  const { sessionId, userId } = getSession(ctx);
  return { ...(sessionId ? { [SESSION_ID]: sessionId } : {}), ...(userId ? { [USER_ID]: userId } : {}) };
}

/**
 * A span processor that copies the session ids onto every span at start, so
 * spans from third-party instrumentations (HTTP, OpenAI…) join the session too.
 * registerHindsight installs it; add it yourself when you bring your own provider.
 */
export function createSessionSpanProcessor(): SpanProcessor {
  return {
    onStart(span: Span, parentContext: Context): void {
      const attributes = getSessionAttributes(parentContext);
      if (Object.keys(attributes).length > 0) span.setAttributes(attributes);
    },
    onEnd(_span: ReadableSpan): void {},
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}
