// The worker side of worker-channel.ts: answers each job with its result or its error, one job at a
// time and in arrival order (a job may be async; the next one starts when it settled). Posted messages
// (WorkerChannel.post) go to `onPost` as they arrive, even while a job runs, and get no answer.
import { parentPort } from "node:worker_threads";

export type SerialisedError = { message: string; code?: string; stack?: string };
export type JobReply<Result> = { id: number; result: Result } | { id: number; error: SerialisedError };

function serialise(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { message: error.message, stack: error.stack, ...(typeof code === "string" ? { code } : {}) };
}

type Incoming<Job, Post> = { id: number; job: Job } | { post: Post };

export function serveJobs<Job, Result, Post = never>(handle: (job: Job) => Result | Promise<Result>, onPost?: (message: Post) => void): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs inside a worker thread");
  let previous: Promise<unknown> = Promise.resolve();
  port.on("message", (message: Incoming<Job, Post>) => {
    if ("post" in message) {
      onPost?.(message.post);
      return;
    }
    const { id, job } = message;
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
