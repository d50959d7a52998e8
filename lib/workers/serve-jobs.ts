// The worker side of worker-channel.ts: answers each job with its result or its error, one job at a
// time and in arrival order (a job may be async; the next one starts when it settled). Posted messages
// (WorkerChannel.post) go to `onPost` as they arrive, even while a job runs, and get no answer.
// A job that returns `answerLater(promise)` is done for the queue at once (the next job starts) and is
// answered when the promise settles: the SQLite writer's commits are acknowledged after their WAL sync
// while the next commit already runs.
import { parentPort } from "node:worker_threads";

export type SerialisedError = { message: string; code?: string; stack?: string };
export type JobReply<Result> = { id: number; result: Result } | { id: number; error: SerialisedError };

function serialise(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { message: error.message, stack: error.stack, ...(typeof code === "string" ? { code } : {}) };
}

const LATER = Symbol("answer later");
type Later<Result> = { [LATER]: Promise<Result> };

/** A job's answer that may settle after the next job has started. */
export function answerLater<Result>(answer: Promise<Result>): Later<Result> {
  return { [LATER]: answer };
}

const isLater = <Result>(value: unknown): value is Later<Result> => typeof value === "object" && value !== null && LATER in value;

type Incoming<Job, Post> = { id: number; job: Job } | { post: Post };

export function serveJobs<Job, Result, Post = never>(
  handle: (job: Job) => Result | Later<Result> | Promise<Result | Later<Result>>,
  onPost?: (message: Post) => void,
): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs inside a worker thread");
  let previous: Promise<unknown> = Promise.resolve();
  port.on("message", (message: Incoming<Job, Post>) => {
    if ("post" in message) {
      onPost?.(message.post);
      return;
    }
    const { id, job } = message;
    const answer = (result: Promise<Result>) =>
      result
        .then(
          (value): JobReply<Result> => ({ id, result: value }),
          (error: unknown): JobReply<Result> => ({ id, error: serialise(error) }),
        )
        .then((reply) => port.postMessage(reply));
    previous = previous.then(async () => {
      let outcome: Result | Later<Result>;
      try {
        outcome = await handle(job);
      } catch (error) {
        port.postMessage({ id, error: serialise(error) } satisfies JobReply<Result>);
        return;
      }
      if (isLater<Result>(outcome)) void answer(outcome[LATER]);
      else port.postMessage({ id, result: outcome } satisfies JobReply<Result>);
    });
  });
}
