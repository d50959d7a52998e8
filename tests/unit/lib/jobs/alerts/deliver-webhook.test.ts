// Webhook delivery: retries with backoff on network errors, timeouts, 429 and 5xx; never on other 4xx.
import { describe, expect, it } from "vitest";
import { deliverWebhook, isRetryable, retryDelays, type DeliveryAttempt } from "@/lib/jobs/alerts/deliver-webhook";
import type { WebhookPayload } from "@/lib/alerts/payload";

const payload = { state: "firing", incident: { id: "i1" } } as WebhookPayload;

/** A fetch answering each call from `answers` (a status, or an Error to throw). */
function fakeFetch(answers: (number | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = answers[calls.length - 1] ?? 200;
    if (answer instanceof Error) throw answer;
    return new Response(answer === 204 ? null : "{}", { status: answer });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

async function run(answers: (number | Error)[]) {
  const { fetch, calls } = fakeFetch(answers);
  const slept: number[] = [];
  const attempts: DeliveryAttempt[] = [];
  const ok = await deliverWebhook("http://hook.test/x", payload, {
    delaysMs: retryDelays(1000),
    fetch,
    sleep: async (ms) => void slept.push(ms),
    onAttempt: async (a) => void attempts.push(a),
  });
  return { ok, calls, slept, attempts };
}

describe("deliverWebhook", () => {
  it.each<[string, (number | Error)[], boolean, number[], (number | null)[]]>([
    ["delivered at once", [204], true, [], [204]],
    ["500 then 200: one retry after 1 s", [500, 200], true, [1000], [500, 200]],
    [
      "network errors back off 1 s, 2 s, 4 s, then give up",
      [new TypeError("fetch failed"), new TypeError("fetch failed"), 503, 502],
      false,
      [1000, 2000, 4000],
      [null, null, 503, 502],
    ],
    ["429 is retried", [429, 200], true, [1000], [429, 200]],
    ["404 is not retried", [404], false, [], [404]],
  ])("%s", async (_label, answers, delivered, delays, statuses) => {
    const { ok, slept, attempts } = await run(answers);
    expect(ok).toBe(delivered);
    expect(slept).toEqual(delays);
    expect(attempts.map((a) => a.httpStatus)).toEqual(statuses);
    expect(attempts.map((a) => a.attempt)).toEqual(statuses.map((_, i) => i + 1));
  });

  it("records why an attempt failed and posts JSON with a stable delivery id", async () => {
    const { attempts, calls } = await run([new TypeError("fetch failed"), 500, 200]);
    expect(attempts.map((a) => [a.ok, a.error])).toEqual([
      [false, "TypeError: fetch failed"],
      [false, "HTTP 500"],
      [true, null],
    ]);
    expect(calls).toHaveLength(3);
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers).toMatchObject({ "content-type": "application/json", "x-hindsight-event": "firing", "x-hindsight-delivery": "i1:firing" });
    expect(JSON.parse(calls[2]!.init.body as string)).toEqual(payload);
  });

  it.each([
    [null, true],
    [408, true],
    [429, true],
    [500, true],
    [599, true],
    [400, false],
    [401, false],
    [404, false],
    [302, false],
  ] as const)("isRetryable(%s) = %s", (status, retry) => {
    expect(isRetryable(status)).toBe(retry);
  });
});
