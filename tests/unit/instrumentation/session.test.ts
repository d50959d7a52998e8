import { propagation, context, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { getSession, traceAgent, traceLlmCall, traceTool, withSession } from "../../../instrumentation/index";
import { sleep, setupMemoryTracing } from "./support/memory-tracing";

const tracing = setupMemoryTracing();

async function sessionsByName(): Promise<Record<string, [unknown, unknown]>> {
  const spans = await tracing.spans();
  return Object.fromEntries(spans.map((span) => [span.name, [span.attributes["session.id"], span.attributes["user.id"]]]));
}

describe("withSession", () => {
  it("stamps session.id and user.id on every span inside, across awaits, and nothing outside", async () => {
    await withSession({ sessionId: "sess_1", userId: "user_1" }, () =>
      traceAgent("triage", {}, async () => {
        await sleep(1);
        await traceLlmCall({ model: "gpt-4o", provider: "openai", messages: "hi" }, () => ({}));
        await traceTool("lookup_order", {}, () => "ok");
        // A span from another library, not a helper: the session processor covers it.
        trace.getTracer("third-party").startActiveSpan("http POST", (span) => span.end());
      }),
    );
    await traceTool("after_session", {}, () => "ok");

    expect(await sessionsByName()).toEqual({
      "invoke_agent triage": ["sess_1", "user_1"],
      "chat gpt-4o": ["sess_1", "user_1"],
      "execute_tool lookup_order": ["sess_1", "user_1"],
      "http POST": ["sess_1", "user_1"],
      "execute_tool after_session": [undefined, undefined],
    });
  });

  it.each([
    { name: "inner user keeps outer session", outer: { sessionId: "s_out", userId: "u_out" }, inner: { userId: "u_in" }, expected: ["s_out", "u_in"] },
    { name: "inner session keeps outer user", outer: { sessionId: "s_out", userId: "u_out" }, inner: { sessionId: "s_in" }, expected: ["s_in", "u_out"] },
    { name: "session only", outer: { sessionId: "s_only" }, inner: {}, expected: ["s_only", undefined] },
    { name: "user only", outer: { userId: "u_only" }, inner: {}, expected: [undefined, "u_only"] },
  ])("merges nested sessions ($name)", async ({ outer, inner, expected }) => {
    await withSession(outer, () => withSession(inner, () => traceTool("nested", {}, () => "ok")));
    expect((await sessionsByName())["execute_tool nested"]).toEqual(expected);
  });

  it("keeps interleaved concurrent sessions apart", async () => {
    const turn = (sessionId: string, delays: number[]) =>
      withSession({ sessionId }, () =>
        traceAgent(`run-${sessionId}`, {}, async () => {
          for (const [index, delay] of delays.entries()) {
            await sleep(delay);
            await traceTool(`step-${sessionId}-${index}`, {}, () => sleep(delay));
          }
        }),
      );
    await Promise.all([turn("a", [3, 1, 4]), turn("b", [1, 5, 1])]);

    const spans = await tracing.spans();
    expect(spans).toHaveLength(8);
    for (const span of spans) {
      const owner = /-(a|b)\b/.exec(span.name)?.[1];
      expect(span.attributes["session.id"], span.name).toBe(owner);
    }
  });

  it("exposes the session through getSession and W3C baggage", () => {
    expect(getSession()).toEqual({});
    withSession({ sessionId: "s_b", userId: "u_b" }, () => {
      expect(getSession()).toEqual({ sessionId: "s_b", userId: "u_b" });
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      expect(carrier.baggage).toContain("session.id=s_b");
      expect(carrier.baggage).toContain("user.id=u_b");
    });
  });

  it("returns the callback's value, sync or async", async () => {
    expect(withSession({ sessionId: "s" }, () => 7)).toBe(7);
    await expect(withSession({ sessionId: "s" }, async () => 8)).resolves.toBe(8);
  });
});
