// Webhook delivery: one signed JSON POST, retried with exponential backoff on network errors, timeouts,
// 408, 429 and 5xx (other 4xx mean the receiver refuses this request, and a refused address stays
// refused: retrying would not help). Every attempt is reported to `onAttempt`, which records it. The
// POST and the sleep are injectable so the retry schedule is testable without a network or waiting.
import type { DeliveryAttempt } from "@/lib/alerts/delivery-attempt";
import type { WebhookPayload } from "@/lib/alerts/payload";
import { signWebhook } from "@/lib/alerts/webhook-signature";
import { postWebhook, type PostResult } from "@/lib/net/post-webhook";

export type { DeliveryAttempt };

export type Post = (url: string, body: string, headers: Record<string, string>) => Promise<PostResult>;

export type DeliverOptions = {
  /** Waits before each retry; attempts = delays + 1. */
  delaysMs: readonly number[];
  /** The rule's signing secret (HMAC-SHA256 over "<timestamp>.<body>"). */
  secret: string;
  onAttempt: (attempt: DeliveryAttempt) => Promise<void>;
  allowPrivate?: boolean;
  timeoutMs?: number;
  post?: Post;
  sleep?: (ms: number) => Promise<void>;
};

/** base, 2·base, 4·base: with the default 1 s base, 4 attempts over 7 s. */
export const retryDelays = (baseMs: number) => [baseMs, 2 * baseMs, 4 * baseMs];

export const isRetryable = (status: number | null) => status === null || status === 408 || status === 429 || status >= 500;

const DEFAULT_TIMEOUT_MS = 10_000;
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** POSTs the payload until it is accepted (2xx) or the attempts run out. True when delivered. */
export async function deliverWebhook(url: string, payload: WebhookPayload, options: DeliverOptions): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const post: Post = options.post ?? ((u, b, h) => postWebhook(u, b, h, { timeoutMs, allowPrivate: options.allowPrivate ?? false }));
  const sleep = options.sleep ?? sleepFor;
  const body = JSON.stringify(payload);
  for (let attempt = 1; attempt <= options.delaysMs.length + 1; attempt++) {
    if (attempt > 1) await sleep(options.delaysMs[attempt - 2]!);
    const atMs = Date.now();
    // Signed per attempt: the timestamp lets receivers refuse replays of an old delivery.
    const { timestamp, signature } = signWebhook(options.secret, body, atMs);
    const result = await post(url, body, {
      "content-type": "application/json",
      "user-agent": "hindsight-alerts",
      "x-hindsight-event": payload.state,
      // Stable across retries, so a receiver can drop a duplicate after a lost answer.
      "x-hindsight-delivery": `${payload.incident.id}:${payload.state}`,
      "x-hindsight-timestamp": timestamp,
      "x-hindsight-signature": signature,
    });
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const error = result.error ?? (ok ? null : `HTTP ${result.status}`);
    await options.onAttempt({ attempt, httpStatus: result.status, ok, error, atMs, durationMs: Date.now() - atMs });
    const retryable = result.status === null ? result.retryable : isRetryable(result.status);
    if (ok || !retryable) return ok;
  }
  return false;
}
