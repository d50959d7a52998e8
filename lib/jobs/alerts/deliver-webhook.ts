// Webhook delivery, one attempt at a time (the outbox, lib/jobs/alerts/outbox-worker.ts, keeps the
// schedule in the database): one signed JSON POST, and what comes next. Retried with exponential
// backoff on network errors, timeouts, 408, 429 and 5xx; other 4xx mean the receiver refuses this
// request, and a refused address stays refused: retrying would not help. The POST is injectable so the
// retry schedule is testable without a network.
import type { DeliveryAttempt } from "@/lib/alerts/delivery-attempt";
import type { AlertState } from "@/lib/alerts/payload";
import { signWebhook } from "@/lib/alerts/webhook-signature";
import type { AttemptOutcome } from "@/lib/data/alerts/alert-outbox";
import { postWebhook, type PostResult } from "@/lib/net/post-webhook";

export type { DeliveryAttempt };

export type Post = (url: string, body: string, headers: Record<string, string>) => Promise<PostResult>;

export type AttemptOptions = {
  /** The rule's signing secret (HMAC-SHA256 over "<timestamp>.<body>"). */
  secret: string;
  allowPrivate?: boolean;
  timeoutMs?: number;
  post?: Post;
};

/** base, 2·base, 4·base: with the default 1 s base, 4 attempts over 7 s. */
export const retryDelays = (baseMs: number) => [baseMs, 2 * baseMs, 4 * baseMs];

export const isRetryable = (status: number | null) => status === null || status === 408 || status === 429 || status >= 500;

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** One POST of `body` (a notification's JSON), signed at this attempt; never throws. */
export async function attemptWebhook(
  url: string,
  body: string,
  notification: { incidentId: string; event: AlertState; attempt: number },
  options: AttemptOptions,
): Promise<{ attempt: DeliveryAttempt; retryable: boolean }> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const post: Post = options.post ?? ((u, b, h) => postWebhook(u, b, h, { timeoutMs, allowPrivate: options.allowPrivate ?? false }));
  const atMs = Date.now();
  // Signed per attempt: the timestamp lets receivers refuse replays of an old delivery.
  const { timestamp, signature } = signWebhook(options.secret, body, atMs);
  const result = await post(url, body, {
    "content-type": "application/json",
    "user-agent": "hindsight-alerts",
    "x-hindsight-event": notification.event,
    // Stable across retries (and across servers), so a receiver can drop a duplicate after a lost answer.
    "x-hindsight-delivery": `${notification.incidentId}:${notification.event}`,
    "x-hindsight-timestamp": timestamp,
    "x-hindsight-signature": signature,
  });
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const error = result.error ?? (ok ? null : `HTTP ${result.status}`);
  const retryable = !ok && (result.status === null ? result.retryable : isRetryable(result.status));
  return { attempt: { attempt: notification.attempt, httpStatus: result.status, ok, error, atMs, durationMs: Date.now() - atMs }, retryable };
}

/** After attempt number `attempt`: delivered, again after the next delay, or given up (refused, or `delaysMs` used up). */
export function outcomeOf(attempt: { attempt: number; ok: boolean }, retryable: boolean, delaysMs: readonly number[]): AttemptOutcome {
  if (attempt.ok) return { state: "delivered" };
  const delay = delaysMs[attempt.attempt - 1];
  return retryable && delay !== undefined ? { state: "pending", retryInMs: delay } : { state: "failed" };
}
