import "server-only";
// A clean stop (SIGTERM from an orchestrator or `docker stop`, SIGINT from a terminal) hands this
// server's background work over at once: the job timers stop and the job leases it holds are given
// up, so another server takes alert evaluation and retention over at its next round instead of once
// the leases expired (three intervals). A crash (SIGKILL) gives nothing up: its leases expire.
//
// Next.js handles the same signals: it closes the HTTP server (requests in flight finish), then calls
// process.exit. That exit is held back until the leases are given up (at most RELEASE_WAIT_MS: the
// database may be what is failing), as it would otherwise often win the race against the delete. When
// Next.js does not handle the signal (NEXT_MANUAL_SIG_HANDLE), this handler exits itself.
import { releaseAllJobLeases } from "@/lib/data/jobs/job-leases";
import { stopOutboxWorker } from "@/lib/jobs/alerts/outbox-worker";
import { stopAlertScheduler } from "@/lib/jobs/alerts/scheduler";
import { stopEvaluatorScheduler } from "@/lib/jobs/evaluators/scheduler";
import { stopFindingsScheduler } from "@/lib/jobs/findings/scheduler";
import { stopLifecycleScheduler } from "@/lib/jobs/lifecycle/scheduler";
import { nodeId } from "@/lib/jobs/node-id";

const SIGNAL_NUMBERS = { SIGTERM: 15, SIGINT: 2 } as const;
type StopSignal = keyof typeof SIGNAL_NUMBERS;
const RELEASE_WAIT_MS = 3000;

const globalForStop = globalThis as unknown as { hindsightHandOver?: { stopping: Promise<void> | null } };

/** Stops the jobs and gives up this server's leases; resolves when done or after RELEASE_WAIT_MS. */
function handOver(signal: StopSignal): Promise<void> {
  stopAlertScheduler();
  stopOutboxWorker();
  stopFindingsScheduler();
  stopLifecycleScheduler();
  stopEvaluatorScheduler();
  const released = releaseAllJobLeases(nodeId()).then(
    (count) => console.log(`[hindsight] ${nodeId()} stopping (${signal}): gave up ${count} job lease(s)`),
    (error: unknown) => console.error(`[hindsight] ${nodeId()} stopping (${signal}): job leases not given up (they expire): ${(error as Error).message}`),
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, RELEASE_WAIT_MS).unref());
  return Promise.race([released, timeout]);
}

/** Installs the handlers once per process; false when they are installed already. */
export function handOverOnStop(): boolean {
  if (globalForStop.hindsightHandOver) return false;
  const book: { stopping: Promise<void> | null } = { stopping: null };
  globalForStop.hindsightHandOver = book;
  const onSignal = (signal: StopSignal) => {
    if (book.stopping) return; // the start script forwards the signal its process group received too
    const stopping = (book.stopping = handOver(signal));
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) => {
      void stopping.finally(() => exit(code));
    }) as typeof process.exit;
    if (process.listenerCount(signal) === 1) void stopping.finally(() => exit(128 + SIGNAL_NUMBERS[signal]));
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS) as StopSignal[]) process.on(signal, () => onSignal(signal));
  return true;
}
