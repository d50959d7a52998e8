// Next.js start-up hook (this root file is the one Next detects; instrumentation/ is the SDK).
// In the Node.js server only: faster gzip for the answers (lib/server/fast-gzip.ts), the alert
// scheduler (it evaluates on one server of a cluster at a time), the sender of queued alert
// notifications (on every server), the findings job, the data lifecycle job and the online evaluators,
// and the hand-over of their leases on a clean stop. The dynamic imports keep the database drivers
// out of the edge bundle, and nothing runs while `next build` loads the app.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { setFastGzipDefault } = await import("./lib/server/fast-gzip");
  setFastGzipDefault();
  const { startAlertScheduler } = await import("./lib/jobs/alerts/scheduler");
  startAlertScheduler();
  const { startOutboxWorker } = await import("./lib/jobs/alerts/outbox-worker");
  startOutboxWorker();
  const { startFindingsScheduler } = await import("./lib/jobs/findings/scheduler");
  startFindingsScheduler();
  const { startLifecycleScheduler } = await import("./lib/jobs/lifecycle/scheduler");
  startLifecycleScheduler();
  const { startEvaluatorScheduler } = await import("./lib/jobs/evaluators/scheduler");
  startEvaluatorScheduler();
  const { handOverOnStop } = await import("./lib/jobs/hand-over-on-stop");
  handOverOnStop();
}
