import { SpanStatusCode, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { traceAgent, traceLlmCall, traceMcpTool, traceTool } from "../../../instrumentation/index";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { getParentSpanId, sleep, toMillis, setupMemoryTracing } from "./support/memory-tracing";

const tracing = setupMemoryTracing();

function findSpan(spans: ReadableSpan[], name: string): ReadableSpan {
  const span = spans.find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span named ${name}`);
  return span;
}

describe("parent/child links", () => {
  it("nests LLM, tool and sub-agent spans under the agent across awaits and timers", async () => {
    await traceAgent("triage", {}, async () => {
      await sleep(2);
      await traceLlmCall({ model: "gpt-4o", provider: "openai", messages: "hi" }, async () => {
        await sleep(1);
        return {};
      });
      await new Promise<void>((resolve) => {
        // A callback scheduled from inside the agent still sees the agent as parent.
        setTimeout(() => void traceTool("lookup_order", { id: 1 }, () => "ok").then(() => resolve()), 1);
      });
      await traceAgent("refunds", {}, async () => {
        await traceTool("issue_refund", { amount: 5 }, async () => {
          await sleep(1);
          return { refunded: true };
        });
      });
    });

    const spans = await tracing.spans();
    const root = findSpan(spans, "invoke_agent triage");
    const sub = findSpan(spans, "invoke_agent refunds");
    const expectations: [string, string | undefined][] = [
      ["invoke_agent triage", undefined],
      ["chat gpt-4o", root.spanContext().spanId],
      ["execute_tool lookup_order", root.spanContext().spanId],
      ["invoke_agent refunds", root.spanContext().spanId],
      ["execute_tool issue_refund", sub.spanContext().spanId],
    ];
    for (const [name, parent] of expectations) {
      const span = findSpan(spans, name);
      expect(getParentSpanId(span), name).toBe(parent);
      expect(span.spanContext().traceId, name).toBe(root.spanContext().traceId);
    }
    expect(spans).toHaveLength(expectations.length);
  });

  it("keeps parallel tool calls as siblings and the parent open until they finish", async () => {
    await traceAgent("researcher", {}, async () => {
      await Promise.all([
        traceTool("web_search", { q: "a" }, () => sleep(15)),
        traceTool("fetch_page", { url: "b" }, () => sleep(5)),
        traceMcpTool("browser", "screenshot", {}, () => sleep(10)),
      ]);
    });

    const spans = await tracing.spans();
    const root = findSpan(spans, "invoke_agent researcher");
    const children = ["execute_tool web_search", "execute_tool fetch_page", "tools/call screenshot"].map((name) => findSpan(spans, name));
    for (const child of children) {
      expect(getParentSpanId(child)).toBe(root.spanContext().spanId);
      // Each span anchors its own performance clock to Date.now(), so cross-span times jitter by up to ~1 ms.
      expect(toMillis(child.endTime)).toBeLessThanOrEqual(toMillis(root.endTime) + 2);
    }
    // They overlap: every child started before the first one ended.
    const firstEnd = Math.min(...children.map((child) => toMillis(child.endTime)));
    for (const child of children) expect(toMillis(child.startTime)).toBeLessThanOrEqual(firstEnd);
  });

  it("gives concurrent top-level runs separate traces", async () => {
    await Promise.all([traceAgent("one", {}, () => traceTool("t1", {}, () => sleep(5))), traceAgent("two", {}, () => traceTool("t2", {}, () => sleep(1)))]);

    const spans = await tracing.spans();
    const one = findSpan(spans, "invoke_agent one").spanContext().traceId;
    const two = findSpan(spans, "invoke_agent two").spanContext().traceId;
    expect(one).not.toBe(two);
    expect(findSpan(spans, "execute_tool t1").spanContext().traceId).toBe(one);
    expect(findSpan(spans, "execute_tool t2").spanContext().traceId).toBe(two);
  });

  it("parents spans from other instrumentation under the active helper span", async () => {
    await traceTool("outer", {}, () => {
      trace.getTracer("third-party").startActiveSpan("http GET", (span) => span.end());
    });
    const spans = await tracing.spans();
    expect(getParentSpanId(findSpan(spans, "http GET"))).toBe(findSpan(spans, "execute_tool outer").spanContext().spanId);
  });

  it("marks a failing child and a parent that lets the error escape, but not a parent that handles it", async () => {
    const failing = () => traceTool("issue_refund", {}, () => Promise.reject(new Error("gateway down")));
    await traceAgent("handles", {}, async () => {
      await failing().catch(() => "apologise");
    });
    await expect(traceAgent("escapes", {}, failing)).rejects.toThrow("gateway down");

    const spans = await tracing.spans();
    expect(findSpan(spans, "invoke_agent handles").status.code).toBe(SpanStatusCode.UNSET);
    expect(findSpan(spans, "invoke_agent escapes").status.code).toBe(SpanStatusCode.ERROR);
    const tools = spans.filter((span) => span.name === "execute_tool issue_refund");
    expect(tools.map((span) => span.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR]);
  });
});

describe("explicit timing", () => {
  const base = Date.UTC(2026, 0, 5, 9, 30);

  it("uses startTime and a clock inherited by every helper span inside", async () => {
    let now = base;
    const clock = () => now;
    await traceAgent("backfill", { clock }, async () => {
      now += 100;
      await traceLlmCall({ model: "gpt-4o", provider: "openai", messages: "q" }, () => {
        now += 900;
        return {};
      });
      await traceTool(
        "lookup_order",
        {},
        () => {
          now += 50;
        },
        { startTime: new Date(base + 1020) },
      );
      now = base + 2000;
      await traceTool("explode", {}, () => {
        now += 25;
        throw new Error("boom");
      }).catch(() => undefined);
    });

    const spans = await tracing.spans();
    const timings = Object.fromEntries(spans.map((span) => [span.name, [toMillis(span.startTime) - base, toMillis(span.endTime) - base]]));
    expect(timings).toEqual({
      "invoke_agent backfill": [0, 2025],
      "chat gpt-4o": [100, 1000],
      "execute_tool lookup_order": [1020, 1050],
      "execute_tool explode": [2000, 2025],
    });
    const exception = findSpan(spans, "execute_tool explode").events.find((event) => event.name === "exception");
    expect(exception && toMillis(exception.time) - base).toBe(2025);
  });

  it("does not leak the clock to runs outside it", async () => {
    await traceAgent("virtual", { clock: () => base }, () => undefined);
    await traceAgent("real", {}, () => undefined);
    const spans = await tracing.spans();
    expect(toMillis(findSpan(spans, "invoke_agent virtual").startTime)).toBe(base);
    expect(Math.abs(toMillis(findSpan(spans, "invoke_agent real").startTime) - Date.now())).toBeLessThan(5_000);
  });
});
