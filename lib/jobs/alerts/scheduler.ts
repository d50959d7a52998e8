import "server-only";
// Evaluates every enabled alert rule every HINDSIGHT_ALERT_INTERVAL_SECONDS, inside the server
// process (started by the root instrumentation.ts), once per cluster: every server runs the timer, and
// only the holder of the job lease ALERT_LEASE (lib/data/jobs/job-leases.ts) evaluates. It renews the
// lease before each round for three intervals, so if it dies another server takes over within three
// intervals. (Evaluations of one rule are serialised in the database anyway, so a rare overlap still
// opens one incident with one notification.) The next round is scheduled when the previous
// one has finished, so rounds never overlap however slow the database is; the timer is unref'd so it
// never keeps a process alive. The state lives on globalThis because Next.js may load this module in
// more than one bundle (instrumentation, route handlers, dev reloads): one scheduler per process.
import { getEnv } from "@/lib/env";
import { findProjectById, scopeOfRecord } from "@/lib/data/access/projects";
import { listEnabledRulesOfAllProjects } from "@/lib/data/alerts/alert-store";
import { acquireJobLease } from "@/lib/data/jobs/job-leases";
import { nodeId } from "@/lib/jobs/node-id";
import { publicBaseUrl, runRule } from "./run-rule";

export const ALERT_LEASE = "alerts.evaluate";

type SchedulerState = { timer: NodeJS.Timeout | null; stopped: boolean; leading: boolean };
const globalForScheduler = globalThis as unknown as { hindsightAlertScheduler?: SchedulerState };

/** Evaluates each enabled rule of every project once, one after another; a failing rule does not stop the others. */
export async function evaluateEnabledRules(): Promise<number> {
  const rules = await listEnabledRulesOfAllProjects();
  const baseUrl = publicBaseUrl();
  for (const rule of rules) {
    try {
      const project = await findProjectById(rule.projectId);
      if (project) await runRule(scopeOfRecord(rule), project, rule, { baseUrl });
    } catch (error) {
      console.error(`[hindsight] alert rule "${rule.name}" (${rule.id}) could not be evaluated: ${(error as Error).message}`);
    }
  }
  return rules.length;
}

/** Evaluates the rules if this server holds (or now takes) the lease; logs when that changes. */
async function leadingRound(state: SchedulerState, seconds: number): Promise<void> {
  const leading = await acquireJobLease(ALERT_LEASE, nodeId(), 3 * seconds * 1000);
  if (leading !== state.leading) console.log(`[hindsight] ${nodeId()} ${leading ? "now evaluates" : "no longer evaluates"} alert rules for the cluster`);
  state.leading = leading;
  if (leading) await evaluateEnabledRules();
}

/** Starts the scheduler once per process; false when it runs already or is turned off (interval 0). */
export function startAlertScheduler(): boolean {
  const seconds = getEnv().HINDSIGHT_ALERT_INTERVAL_SECONDS;
  if (globalForScheduler.hindsightAlertScheduler || seconds === 0) return false;
  const state: SchedulerState = { timer: null, stopped: false, leading: false };
  globalForScheduler.hindsightAlertScheduler = state;
  const schedule = () => {
    if (state.stopped) return;
    state.timer = setTimeout(() => {
      leadingRound(state, seconds)
        .catch((error: unknown) => console.error(`[hindsight] alert evaluation round failed: ${(error as Error).message}`))
        .finally(schedule);
    }, seconds * 1000);
    state.timer.unref();
  };
  schedule();
  console.log(`[hindsight] alert rules evaluated every ${seconds} s`);
  return true;
}

/** Stops the scheduler (a round in progress finishes). */
export function stopAlertScheduler(): void {
  const state = globalForScheduler.hindsightAlertScheduler;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  globalForScheduler.hindsightAlertScheduler = undefined;
}
