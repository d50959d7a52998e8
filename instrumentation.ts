// Next.js start-up hook (this root file is the one Next detects; instrumentation/ is the SDK).
// Starts the alert scheduler in the Node.js server only: the dynamic import keeps the database
// drivers out of the edge bundle, and nothing runs while `next build` loads the app.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAlertScheduler } = await import("./lib/alerts/scheduler");
  startAlertScheduler();
}
