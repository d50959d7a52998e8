// Webhook delivery: retries with backoff on network errors, timeouts, 429 and 5xx; never on other 4xx.
// The schedule the outbox keeps in the database is played here attempt by attempt (attemptWebhook, then
// outcomeOf), waits recorded instead of slept.
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { attemptWebhook, isRetryable, outcomeOf, retryDelays, type DeliveryAttempt, type Post } from "@/lib/jobs/alerts/deliver-webhook";
import { verifyWebhookSignature } from "@/lib/alerts/webhook-signature";
import type { WebhookPayload } from "@/lib/alerts/payload";

const payload = { state: "firing", incident: { id: "i1" } } as WebhookPayload;
const SECRET = "whsec_test";

/** A POST answering each call from `answers` (a status, or an Error standing for a network failure). */
function fakePost(answers: (number | Error)[]) {
  const calls: { url: string; body: string; headers: Record<string, string> }[] = [];
  const post: Post = async (url, body, headers) => {
    calls.push({ url, body, headers });
    const answer = answers[calls.length - 1] ?? 200;
    if (answer instanceof Error) return { status: null, error: `${answer.name}: ${answer.message}`, retryable: true };
    return { status: answer, error: null, retryable: false };
  };
  return { post, calls };
}

/** Attempts until the outcome is not "pending"; true when delivered. */
async function deliver(url: string, post: Post | undefined, slept: number[], attempts: DeliveryAttempt[]): Promise<boolean> {
  for (let n = 1; ; n++) {
    const { attempt, retryable } = await attemptWebhook(
      url,
      JSON.stringify(payload),
      { incidentId: "i1", event: "firing", attempt: n },
      { secret: SECRET, post },
    );
    attempts.push(attempt);
    const outcome = outcomeOf(attempt, retryable, retryDelays(1000));
    if (outcome.state !== "pending") return outcome.state === "delivered";
    slept.push(outcome.retryInMs);
  }
}

async function run(answers: (number | Error)[]) {
  const { post, calls } = fakePost(answers);
  const slept: number[] = [];
  const attempts: DeliveryAttempt[] = [];
  const ok = await deliver("http://hook.test/x", post, slept, attempts);
  return { ok, calls, slept, attempts };
}

describe("webhook attempts and their schedule", () => {
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
    const headers = calls[0]!.headers;
    expect(headers).toMatchObject({ "content-type": "application/json", "x-hindsight-event": "firing", "x-hindsight-delivery": "i1:firing" });
    expect(JSON.parse(calls[2]!.body)).toEqual(payload);
  });

  it("signs every attempt: HMAC-SHA256 of timestamp.body with the rule's secret", async () => {
    const { calls } = await run([500, 200]);
    for (const call of calls) {
      const timestamp = call.headers["x-hindsight-timestamp"]!;
      const expected = createHmac("sha256", SECRET).update(`${timestamp}.${call.body}`).digest("hex");
      expect(call.headers["x-hindsight-signature"]).toBe(`sha256=${expected}`);
      expect(verifyWebhookSignature(SECRET, call.body, timestamp, call.headers["x-hindsight-signature"]!, Date.now())).toBe(true);
      expect(verifyWebhookSignature("whsec_other", call.body, timestamp, call.headers["x-hindsight-signature"]!, Date.now())).toBe(false);
      expect(verifyWebhookSignature(SECRET, `${call.body} `, timestamp, call.headers["x-hindsight-signature"]!, Date.now())).toBe(false);
    }
  });

  it("does not retry an address the checks refuse", async () => {
    const attempts: DeliveryAttempt[] = [];
    const ok = await deliver("http://127.0.0.1:9/x", undefined, [], attempts);
    expect(ok).toBe(false);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.error).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
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

describe("outcomeOf", () => {
  const delays = retryDelays(1000);
  it.each<[string, { attempt: number; ok: boolean }, boolean, ReturnType<typeof outcomeOf>]>([
    ["a 2xx is delivered", { attempt: 3, ok: true }, false, { state: "delivered" }],
    ["a retryable failure waits the attempt's delay", { attempt: 2, ok: false }, true, { state: "pending", retryInMs: 2000 }],
    ["the last attempt gives up", { attempt: 4, ok: false }, true, { state: "failed" }],
    ["a refusal gives up at once", { attempt: 1, ok: false }, false, { state: "failed" }],
    // A server that died mid-attempt counted it: a claim beyond the schedule is still given up.
    ["attempts past the schedule give up", { attempt: 7, ok: false }, true, { state: "failed" }],
  ])("%s", (_label, attempt, retryable, expected) => {
    expect(outcomeOf(attempt, retryable, delays)).toEqual(expected);
  });
});
