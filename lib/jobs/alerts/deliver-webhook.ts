// Webhook delivery: one JSON POST, retried with exponential backoff on network errors, timeouts,
// 408, 429 and 5xx (other 4xx mean the receiver refuses this request: retrying would not help).
// Every attempt is reported to `onAttempt`, which records it. fetch and sleep are injectable so the
// retry schedule is testable without a network or real waiting.
import type { DeliveryAttempt } from "@/lib/alerts/delivery-attempt";
import type { WebhookPayload } from "@/lib/alerts/payload";

export type { DeliveryAttempt };

export type DeliverOptions = {
  /** Waits before each retry; attempts = delays + 1. */
  delaysMs: readonly number[];
  timeoutMs?: number;
  onAttempt: (attempt: DeliveryAttempt) => Promise<void>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

/** base, 2·base, 4·base: with the default 1 s base, 4 attempts over 7 s. */
export const retryDelays = (baseMs: number) => [baseMs, 2 * baseMs, 4 * baseMs];

export const isRetryable = (status: number | null) => status === null || status === 408 || status === 429 || status >= 500;

const DEFAULT_TIMEOUT_MS = 10_000;
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** POSTs the payload until it is accepted (2xx) or the attempts run out. True when delivered. */
export async function deliverWebhook(url: string, payload: WebhookPayload, options: DeliverOptions): Promise<boolean> {
  const post = options.fetch ?? fetch;
  const sleep = options.sleep ?? sleepFor;
  const body = JSON.stringify(payload);
  for (let attempt = 1; attempt <= options.delaysMs.length + 1; attempt++) {
    if (attempt > 1) await sleep(options.delaysMs[attempt - 2]!);
    const atMs = Date.now();
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await post(url, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "user-agent": "hindsight-alerts",
          "x-hindsight-event": payload.state,
          // Stable across retries, so a receiver can drop a duplicate after a lost answer.
          "x-hindsight-delivery": `${payload.incident.id}:${payload.state}`,
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        redirect: "manual",
      });
      httpStatus = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    const ok = httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
    await options.onAttempt({ attempt, httpStatus, ok, error, atMs, durationMs: Date.now() - atMs });
    if (ok || !isRetryable(httpStatus)) return ok;
  }
  return false;
}
