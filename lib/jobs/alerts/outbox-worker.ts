import "server-only";
// Sends the alert outbox (lib/data/alerts/alert-outbox.ts) from every server: each round claims the
// notifications that are due in every project, POSTs them one attempt each, and records what became of
// them (delivered, retried after the backoff, or given up). Any server sends any project's
// notifications, so one that stops leaves nothing behind: its claims run out and another server sends
// them. Rounds run every POLL_MS, and at once when this server has just queued a notification
// (`kickOutbox`), so a webhook does not wait for the next poll. State on globalThis: one worker per process.
import { getEnv } from "@/lib/env";
import { claimDueNotifications, finishAttempt, type ClaimedNotification } from "@/lib/data/alerts/alert-outbox";
import { listProjectScopesForJobs } from "@/lib/data/access/projects";
import type { ProjectScope } from "@/lib/data/scope";
import { nodeId } from "@/lib/jobs/node-id";
import { attemptWebhook, outcomeOf, retryDelays, WEBHOOK_TIMEOUT_MS } from "./deliver-webhook";

const POLL_MS = 1000;
/** A claim outlasts the longest attempt (the POST's timeout) with room to record it. */
const CLAIM_LEASE_MS = WEBHOOK_TIMEOUT_MS + 5000;
const CLAIM_BATCH = 20;

type WorkerState = { timer: NodeJS.Timeout | null; running: boolean; again: boolean; stopped: boolean };
const globalForWorker = globalThis as unknown as { hindsightOutboxWorker?: WorkerState };

/** Sends every notification due now, in every project; returns how many attempts were made. */
export async function sendDueNotifications(): Promise<number> {
  let sent = 0;
  for (const scope of await listProjectScopesForJobs()) {
    const claims = await claimDueNotifications(scope, nodeId(), CLAIM_LEASE_MS, CLAIM_BATCH);
    // One project's receivers are independent of each other: their attempts run at once.
    await Promise.all(claims.map((claim) => send(scope, claim)));
    sent += claims.length;
  }
  return sent;
}

async function send(scope: ProjectScope, claim: ClaimedNotification): Promise<void> {
  const env = getEnv();
  const delays = retryDelays(env.HINDSIGHT_ALERT_RETRY_BASE_MS);
  try {
    const { attempt, retryable } = await attemptWebhook(
      claim.url,
      claim.payload,
      { incidentId: claim.incidentId, event: claim.event, attempt: claim.attempts },
      { secret: claim.secret ?? "", allowPrivate: env.HINDSIGHT_WEBHOOK_ALLOW_PRIVATE },
    );
    const outcome = outcomeOf(attempt, retryable, delays);
    await finishAttempt(scope, claim, attempt, outcome);
    if (outcome.state === "failed")
      console.warn(
        `[hindsight] alert notification ${claim.event} of incident ${claim.incidentId} given up after ${claim.attempts} attempt(s): ${attempt.error}`,
      );
  } catch (error) {
    // The claim runs out and the notification is tried again, here or on another server.
    console.error(`[hindsight] alert notification ${claim.event} of incident ${claim.incidentId} could not be recorded: ${(error as Error).message}`);
  }
}

function runRound(state: WorkerState): void {
  if (state.running) {
    state.again = true;
    return;
  }
  if (state.timer) clearTimeout(state.timer);
  state.running = true;
  sendDueNotifications()
    .catch((error: unknown) => console.error(`[hindsight] alert outbox round failed: ${(error as Error).message}`))
    .finally(() => {
      state.running = false;
      if (state.stopped) return;
      if (state.again) {
        state.again = false;
        return runRound(state);
      }
      state.timer = setTimeout(() => runRound(state), POLL_MS);
      state.timer.unref();
    });
}

/** Starts the worker once per process; false when it runs already. */
export function startOutboxWorker(): boolean {
  if (globalForWorker.hindsightOutboxWorker) return false;
  const state: WorkerState = { timer: null, running: false, again: false, stopped: false };
  globalForWorker.hindsightOutboxWorker = state;
  state.timer = setTimeout(() => runRound(state), POLL_MS);
  state.timer.unref();
  return true;
}

/** Runs a round now (a notification was just queued here); without a worker (tests, scripts), nothing. */
export function kickOutbox(): void {
  const state = globalForWorker.hindsightOutboxWorker;
  if (state && !state.stopped) runRound(state);
}

/** Stops the worker (a round in progress finishes; its claims are recorded). */
export function stopOutboxWorker(): void {
  const state = globalForWorker.hindsightOutboxWorker;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  globalForWorker.hindsightOutboxWorker = undefined;
}
