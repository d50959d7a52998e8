import "server-only";
// Group commit with back-pressure. Requests queue their batches; one writer takes everything queued,
// stores it in a single transaction and then answers every request in it. A commit's cost (fsync,
// summary refresh) is shared by all requests waiting at that moment, and the number of spans waiting
// in memory is bounded: past the bound, senders get 429 + Retry-After and retry, as OTLP exporters do.
import type { WriteBatch } from "@/lib/ingest/write-batch";

/** Where queued batches wait and how they are committed. */
export type BatchStore<Held> = {
  /** What the queue keeps for a batch until its commit: the batch itself, or a handle once handed to the SQLite writer thread. */
  hold(batch: WriteBatch): Held;
  /** Stores held batches in one transaction. */
  write(held: Held[]): Promise<void>;
};

type Job<Held> =
  | { held: Held; size: number; resolve: () => void; reject: (error: unknown) => void }
  | { task: () => Promise<void>; size: 0; resolve: () => void; reject: (error: unknown) => void };
type BatchJob<Held> = Extract<Job<Held>, { held: Held }>;

export class QueueFullError extends Error {}

const MAX_SPANS_PER_COMMIT = 8_000;
// How long the writer lingers before a commit so that requests already on the wire are parsed and
// queued into it. SQLite writes are synchronous: without this pause the writer commits the first job
// at once and blocks the event loop through the fsync, so every request pays for its own commit.
const DEFAULT_LINGER_MS = 2;
// After the linger, a commit still waits (up to this long) for requests that are being read or
// normalised right now: senders that got their answers together send again together, and one commit
// for all of them pays one fsync and one rollup rewrite instead of several.
const MAX_ARRIVAL_WAIT_MS = 20;

export type WriteQueueOptions = {
  /** Pause before a commit so requests on the wire join it (0: commit at once, no arrival wait). */
  lingerMs?: number;
  /** Upper bound of one transaction (one request's batch may exceed it alone). */
  maxSpansPerCommit?: number;
  /**
   * Commits handed to `write` before the previous one finished. 1 when `write` runs in this thread;
   * 2 when it runs in a writer thread (store-thread.ts): the next batch is waiting there the moment
   * a commit ends, instead of after this event loop has answered and taken it.
   */
  commitsInFlight?: number;
};

export class WriteQueue<Held = WriteBatch> {
  private jobs: Job<Held>[] = [];
  private queued = 0;
  private running = false;
  private arriving = 0;
  private lastArrivalMs = Number.NEGATIVE_INFINITY;
  private readonly writing = new Set<Promise<void>>();
  /** Resolves the drain loop's wait when a job arrives while it has only commits in flight. */
  private wake: (() => void) | null = null;

  private readonly lingerMs: number;
  private readonly maxSpansPerCommit: number;
  private readonly commitsInFlight: number;

  constructor(
    private readonly store: BatchStore<Held>,
    private readonly maxQueued: number,
    { lingerMs = DEFAULT_LINGER_MS, maxSpansPerCommit = MAX_SPANS_PER_COMMIT, commitsInFlight = 1 }: WriteQueueOptions = {},
  ) {
    this.lingerMs = lingerMs;
    this.maxSpansPerCommit = maxSpansPerCommit;
    this.commitsInFlight = commitsInFlight;
  }

  get queuedSpans(): number {
    return this.queued;
  }

  /** Whether spans wait for a commit, are being read, or arrived within `recentMs` (background jobs yield then). */
  isBusy(nowMs: number, recentMs: number): boolean {
    return this.queued > 0 || this.arriving > 0 || nowMs - this.lastArrivalMs < recentMs;
  }

  /** Runs `work` (reading and normalising a request) counted as an arrival the next commit may wait for. */
  async arrival<T>(work: () => Promise<T>): Promise<T> {
    this.arriving++;
    this.lastArrivalMs = Date.now();
    try {
      return await work();
    } finally {
      this.arriving--;
    }
  }

  /** Resolves once the batch is committed; rejects with QueueFullError when the queue is full. */
  enqueue(batch: WriteBatch): Promise<void> {
    const size = batch.spans.length + batch.logs.length;
    if (this.queued > 0 && this.queued + size > this.maxQueued) return Promise.reject(new QueueFullError("write queue is full"));
    this.lastArrivalMs = Date.now();
    return new Promise((resolve, reject) => {
      this.jobs.push({ held: this.store.hold(batch), size, resolve, reject }); // a throwing hold() rejects this request only
      this.queued += size;
      this.wake?.();
      if (!this.running) void this.drain();
    });
  }

  /**
   * Runs other writes (cost recompute) between commits, never inside one: on SQLite all writes share
   * one connection, so two interleaved transactions would become one.
   */
  runExclusive(task: () => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ task, size: 0, resolve, reject });
      this.wake?.();
      if (!this.running) void this.drain();
    });
  }

  private async linger(): Promise<void> {
    const roomy = () => this.queued < this.maxSpansPerCommit / 2;
    if (!roomy()) return;
    await sleep(this.lingerMs);
    for (let waited = this.lingerMs; this.arriving > 0 && roomy() && waited < MAX_ARRIVAL_WAIT_MS; waited++) await sleep(1);
  }

  private take(): BatchJob<Held>[] {
    const taken: BatchJob<Held>[] = [];
    let spans = 0;
    while (this.jobs.length && !("task" in this.jobs[0]!) && (taken.length === 0 || spans + this.jobs[0]!.size <= this.maxSpansPerCommit)) {
      const job = this.jobs.shift() as BatchJob<Held>;
      spans += job.size;
      taken.push(job);
    }
    return taken;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      // Jobs queued while the last commits finish are this loop's too: `running` keeps drain() from restarting.
      while (this.jobs.length || this.writing.size) {
        if (!this.jobs.length) {
          await Promise.race([...this.writing, new Promise<void>((resolve) => (this.wake = resolve))]);
          this.wake = null;
          continue;
        }
        if (this.lingerMs > 0) await this.linger();
        const next = this.jobs[0]!;
        if ("task" in next) {
          await Promise.all(this.writing); // a task runs between commits, never beside one
          this.jobs.shift();
          await next.task().then(next.resolve, next.reject);
          continue;
        }
        while (this.writing.size >= this.commitsInFlight) await Promise.race(this.writing);
        const commit = this.commit(this.take()).finally(() => this.writing.delete(commit));
        this.writing.add(commit);
      }
    } finally {
      this.running = false;
    }
  }

  /** Stores the jobs in one transaction and answers them; never rejects. */
  private async commit(jobs: BatchJob<Held>[]): Promise<void> {
    try {
      await this.store.write(jobs.map((job) => job.held));
      for (const job of jobs) job.resolve();
    } catch (error) {
      // One bad batch must not fail its neighbours: retry them one by one.
      if (jobs.length === 1) jobs[0]!.reject(error);
      else
        for (const job of jobs)
          await Promise.resolve()
            .then(() => this.store.write([job.held]))
            .then(job.resolve, job.reject);
    } finally {
      for (const job of jobs) this.queued -= job.size;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
