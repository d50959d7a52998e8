// WriteQueue: group commit, back-pressure and isolation of a bad batch, with an in-memory writer.
import { describe, expect, it } from "vitest";
import type { SpanLogRecord } from "@/lib/ingest/logs";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { mergeBatches, type WriteBatch } from "@/lib/ingest/write-batch";
import { QueueFullError, WriteQueue, type WriteQueueOptions } from "@/lib/receiver/write-queue";

/** A batch of `spans` fake span records tagged `tag` (the queue only counts and concatenates them). */
const batch = (tag: string, spans: number, logs = 0): WriteBatch => ({
  projectId: "default",
  spans: Array.from({ length: spans }, (_, i) => ({ spanId: `${tag}${i}` }) as SpanRecord),
  resources: [{ id: tag, attributes: "{}" }],
  logs: Array.from({ length: logs }, (_, i) => ({ dedupeKey: `${tag}-log${i}` }) as SpanLogRecord),
});
const tags = (b: WriteBatch) => b.resources.map((r) => r.id);

/** A writer that records every call and waits until the test releases it. */
function gatedWriter(fail: (b: WriteBatch) => boolean = () => false) {
  const calls: WriteBatch[] = [];
  const gates: (() => void)[] = [];
  const write = (b: WriteBatch) =>
    new Promise<void>((resolve, reject) => {
      calls.push(b);
      gates.push(() => (fail(b) ? reject(new Error(`bad ${tags(b).join("+")}`)) : resolve()));
    });
  /** Lets every write started so far finish, then lets the queue react. */
  const release = async () => {
    for (const open of gates.splice(0)) open();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, write, release };
}

/** A queue that keeps the batches themselves and writes each commit's batches merged, as in the request thread. */
const queueOf = (write: (b: WriteBatch) => Promise<void>, maxQueued: number, options: WriteQueueOptions) =>
  new WriteQueue({ hold: (b) => b, write: (batches) => write(mergeBatches(batches)[0]!) }, maxQueued, options);

const settled = (p: Promise<void>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );

describe("WriteQueue", () => {
  it("lingers before a commit so that requests arriving meanwhile share it", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 20 });
    const first = queue.enqueue(batch("a", 1));
    await new Promise((r) => setTimeout(r, 5)); // "b" arrives while the writer lingers
    const second = queue.enqueue(batch("b", 1));
    await new Promise((r) => setTimeout(r, 40));
    await writer.release();
    await Promise.all([first, second]);
    expect(writer.calls.map(tags)).toEqual([["a", "b"]]);
  });

  it("writes a lone batch as it is and counts spans and logs while queued", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 0 });
    const done = queue.enqueue(batch("a", 3, 2));
    expect(queue.queuedSpans).toBe(5);
    await writer.release();
    await expect(done).resolves.toBeUndefined();
    expect(writer.calls.map(tags)).toEqual([["a"]]);
    expect(queue.queuedSpans).toBe(0);
  });

  it("merges the jobs that queued during a write into one commit", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 0 });
    const all = [queue.enqueue(batch("a", 1)), queue.enqueue(batch("b", 2)), queue.enqueue(batch("c", 3, 1))].map(settled);
    expect(queue.queuedSpans).toBe(7);
    await writer.release(); // "a" was alone when the writer started
    await writer.release(); // "b" and "c" waited together
    expect(await Promise.all(all)).toEqual(["ok", "ok", "ok"]);
    expect(writer.calls.map(tags)).toEqual([["a"], ["b", "c"]]);
    const merged = writer.calls[1]!;
    expect(merged.spans.map((s) => s.spanId)).toEqual(["b0", "b1", "c0", "c1", "c2"]);
    expect(merged.logs.map((l) => l.dedupeKey)).toEqual(["c-log0"]);
    expect(queue.queuedSpans).toBe(0);
  });

  it("keeps a commit under 8,000 spans unless one job alone is bigger", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100_000, { lingerMs: 0 });
    const all = [queue.enqueue(batch("a", 1)), queue.enqueue(batch("b", 5000)), queue.enqueue(batch("c", 4000)), queue.enqueue(batch("d", 9000))];
    for (let i = 0; i < 4; i++) await writer.release();
    await Promise.all(all);
    expect(writer.calls.map(tags)).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });

  it("rejects with QueueFullError past maxQueued and accepts again once drained", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 10, { lingerMs: 0 });
    const first = queue.enqueue(batch("a", 6));
    const second = queue.enqueue(batch("b", 4)); // exactly at the bound: accepted
    const rejected = queue.enqueue(batch("c", 1));
    await expect(rejected).rejects.toBeInstanceOf(QueueFullError);
    await expect(rejected).rejects.toThrow("write queue is full");
    expect(queue.queuedSpans).toBe(10);
    await writer.release();
    await writer.release();
    await Promise.all([first, second]);
    expect(queue.queuedSpans).toBe(0);
    const later = queue.enqueue(batch("d", 10));
    await writer.release();
    await expect(later).resolves.toBeUndefined();
  });

  it("accepts one batch bigger than the bound when nothing is queued", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 10, { lingerMs: 0 });
    const big = queue.enqueue(batch("big", 50));
    await writer.release();
    await expect(big).resolves.toBeUndefined();
  });

  it("retries a failed merged write job by job, so only the bad job rejects", async () => {
    const writer = gatedWriter((b) => tags(b).includes("bad"));
    const queue = queueOf(writer.write, 100, { lingerMs: 0 });
    const jobs = ["first", "good1", "bad", "good2"].map((tag) => settled(queue.enqueue(batch(tag, 1))));
    for (let i = 0; i < 6; i++) await writer.release();
    expect(await Promise.all(jobs)).toEqual(["ok", "ok", "bad bad", "ok"]);
    expect(writer.calls.map(tags)).toEqual([["first"], ["good1", "bad", "good2"], ["good1"], ["bad"], ["good2"]]);
    expect(queue.queuedSpans).toBe(0);
  });

  it("rejects a lone failing job once, without a retry, and keeps working", async () => {
    const writer = gatedWriter((b) => tags(b).includes("bad"));
    const queue = queueOf(writer.write, 100, { lingerMs: 0 });
    const bad = settled(queue.enqueue(batch("bad", 2)));
    await writer.release();
    expect(await bad).toBe("bad bad");
    expect(writer.calls).toHaveLength(1);
    expect(queue.queuedSpans).toBe(0);
    const good = queue.enqueue(batch("good", 1));
    await writer.release();
    expect(await settled(good)).toBe("ok");
  });

  it("works with a writer that answers at once", async () => {
    const seen: string[][] = [];
    const queue = queueOf(async (b) => void seen.push(tags(b)), 100, { lingerMs: 0 });
    await Promise.all([queue.enqueue(batch("a", 1)), queue.enqueue(batch("b", 1))]);
    expect(seen.flat()).toEqual(["a", "b"]);
    expect(queue.queuedSpans).toBe(0);
  });
  it("waits past the linger for requests still being read, so senders answered together share the next commit", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 2 });
    let bodyRead!: () => void;
    const reading = queue.arrival(() => new Promise<void>((resolve) => (bodyRead = resolve)));
    const first = queue.enqueue(batch("a", 1));
    await new Promise((r) => setTimeout(r, 8)); // well past the 2 ms linger
    expect(writer.calls).toHaveLength(0);
    bodyRead();
    await reading;
    const second = queue.enqueue(batch("b", 1));
    await new Promise((r) => setTimeout(r, 5));
    expect(writer.calls.map(tags)).toEqual([["a", "b"]]);
    await writer.release();
    expect(await Promise.all([settled(first), settled(second)])).toEqual(["ok", "ok"]);
  });

  it("waits for an arrival 20 ms at most", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 2 });
    void queue.arrival(() => new Promise<void>(() => undefined)); // a client that never finishes its body
    const first = queue.enqueue(batch("a", 1));
    await new Promise((r) => setTimeout(r, 60));
    expect(writer.calls.map(tags)).toEqual([["a"]]);
    await writer.release();
    expect(await settled(first)).toBe("ok");
  });

  it("hands the next commit over while one is in flight, with commitsInFlight 2, and bounds commits by maxSpansPerCommit", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 0, commitsInFlight: 2, maxSpansPerCommit: 4 });
    const jobs = ["a", "b", "c", "d"].map((tag) => settled(queue.enqueue(batch(tag, 3))));
    await new Promise((r) => setTimeout(r, 5));
    // "a" alone (nothing else was queued), then "b" while "a" is still being written; "c" waits for a slot.
    expect(writer.calls.map(tags)).toEqual([["a"], ["b"]]);
    await writer.release();
    await new Promise((r) => setTimeout(r, 5));
    expect(writer.calls.map(tags)).toEqual([["a"], ["b"], ["c"], ["d"]]); // 3 + 3 spans exceed the bound of 4
    await writer.release();
    expect(await Promise.all(jobs)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(queue.queuedSpans).toBe(0);
  });

  it("commits jobs that arrive while the last commits finish", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 0, commitsInFlight: 2 });
    const first = settled(queue.enqueue(batch("a", 1)));
    await new Promise((r) => setTimeout(r, 1));
    const late = settled(queue.enqueue(batch("late", 1))); // the queue is empty again, "a" still in flight
    await writer.release();
    await writer.release();
    expect(await Promise.all([first, late])).toEqual(["ok", "ok"]);
    expect(writer.calls.flatMap(tags)).toEqual(["a", "late"]);
  });

  it("runs other writes only when no commit is in flight", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 0, commitsInFlight: 2 });
    const order: string[] = [];
    const commit = queue.enqueue(batch("a", 1)).then(() => order.push("commit"));
    const task = queue.runExclusive(async () => void order.push(`task after ${writer.calls.length} write`));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    await writer.release();
    await Promise.all([commit, task]);
    expect(order).toEqual(["commit", "task after 1 write"]);
  });

  it("holds each batch as it is queued and writes what it held, in order", async () => {
    const held: string[] = [];
    const writes: string[][] = [];
    const gates: (() => void)[] = [];
    const queue = new WriteQueue<string>(
      {
        hold: (b) => (held.push(tags(b)[0]!), `held ${tags(b)[0]}`),
        write: (items) => new Promise<void>((resolve) => (writes.push(items), gates.push(resolve))),
      },
      100,
      { lingerMs: 0 },
    );
    const jobs = ["a", "b", "c"].map((tag) => settled(queue.enqueue(batch(tag, 1))));
    expect(held).toEqual(["a", "b", "c"]); // handed over on arrival, before any commit ran
    await new Promise((r) => setTimeout(r, 1));
    gates.splice(0).forEach((open) => open());
    await new Promise((r) => setTimeout(r, 1));
    gates.splice(0).forEach((open) => open());
    expect(await Promise.all(jobs)).toEqual(["ok", "ok", "ok"]);
    expect(writes).toEqual([["held a"], ["held b", "held c"]]);
  });

  it("fails only the request whose batch cannot be held, and queues nothing of it", async () => {
    const writer = gatedWriter();
    const queue = new WriteQueue<WriteBatch>(
      {
        hold: (b) => {
          if (tags(b)[0] === "bad") throw new Error("cannot hand over");
          return b;
        },
        write: (batches) => writer.write(mergeBatches(batches)[0]!),
      },
      100,
      { lingerMs: 0 },
    );
    const bad = settled(queue.enqueue(batch("bad", 2)));
    const good = settled(queue.enqueue(batch("good", 1)));
    expect(await bad).toBe("cannot hand over");
    expect(queue.queuedSpans).toBe(1);
    await writer.release();
    expect(await good).toBe("ok");
    expect(writer.calls.map(tags)).toEqual([["good"]]);
  });

  it("is busy while spans wait or are being read and for a while after the last arrival, for jobs that yield to ingest", async () => {
    const writer = gatedWriter();
    const queue = queueOf(writer.write, 100, { lingerMs: 0 });
    const now = Date.now();
    expect(queue.isBusy(now, 1000)).toBe(false);
    let read!: () => void;
    const reading = queue.arrival(() => new Promise<void>((resolve) => (read = resolve)));
    expect(queue.isBusy(now + 60_000, 1000)).toBe(true); // a request is being read
    read();
    await reading;
    const committed = queue.enqueue(batch("a", 2));
    expect(queue.isBusy(now + 60_000, 1000)).toBe(true); // spans wait for their commit
    await writer.release();
    await committed;
    expect(queue.isBusy(Date.now(), 1000)).toBe(true); // arrived just now
    expect(queue.isBusy(Date.now() + 1000, 1000)).toBe(false);
  });
});
