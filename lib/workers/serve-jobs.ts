// The worker side of worker-channel.ts: answers each job with its result or its error, one job at a
// time and in arrival order (a job may be async; the next one starts when it settled).
import { parentPort } from "node:worker_threads";

export type SerialisedError = { message: string; code?: string; stack?: string };
export type JobReply<Result> = { id: number; result: Result } | { id: number; error: SerialisedError };

function serialise(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { message: error.message, stack: error.stack, ...(typeof code === "string" ? { code } : {}) };
}

export function serveJobs<Job, Result>(handle: (job: Job) => Result | Promise<Result>): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs inside a worker thread");
  let previous: Promise<unknown> = Promise.resolve();
  port.on("message", ({ id, job }: { id: number; job: Job }) => {
    previous = previous.then(async () => {
      let reply: JobReply<Result>;
      try {
        reply = { id, result: await handle(job) };
      } catch (error) {
        reply = { id, error: serialise(error) };
      }
      port.postMessage(reply);
    });
  });
}
