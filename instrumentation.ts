// Next.js start-up hook (this root file is the one Next detects; instrumentation/ is the SDK).
// In the Node.js server only: faster gzip for the answers (lib/server/fast-gzip.ts), the alert
// scheduler and the findings job. The dynamic imports keep the database drivers out of the edge bundle, and nothing runs
// while `next build` loads the app.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { setFastGzipDefault } = await import("./lib/server/fast-gzip");
  setFastGzipDefault();
  const { startAlertScheduler } = await import("./lib/jobs/alerts/scheduler");
  startAlertScheduler();
  const { startFindingsScheduler } = await import("./lib/jobs/findings/scheduler");
  startFindingsScheduler();
}
