// Review queues end to end, on SQLite and PostgreSQL: runs go in through the real OTLP exporter under a
// name of their own; a queue draws a seeded sample of them. The draw must be the one the pure seeded order
// gives (so the same seed draws the same runs in the same order), hold each run once, take every run when
// the sample is larger than the filter's match, and the reviews must move through the queue to its end.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { drawSample } from "@/lib/quality/review-sample";
import type { ReviewItem, ReviewQueue } from "@/lib/quality/review-types";
import { authHeaders, forEachDatabase, listTraces, type TestServer } from "./support";
import { exportTraces, MINUTE, randomBaseHour, type SeedTrace } from "./support/metrics-seed";

const RUNS = 40;

type Answer<T> = { status: number; body: T & { error?: string; parameter?: string } };

async function call<T>(server: TestServer, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...authHeaders(server), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answer<T>["body"]) : ({} as Answer<T>["body"]) };
}

const itemsOf = async (server: TestServer, queueId: string) =>
  (await call<{ items: ReviewItem[] }>(server, "GET", `/api/v1/review-queues/${queueId}/results`)).body.items;

forEachDatabase((server) => {
  const run = randomBytes(4).toString("hex");
  const task = `review-task-${run}`;
  let traceIds: string[] = [];

  beforeAll(async () => {
    const base = randomBaseHour();
    const traces: SeedTrace[] = [];
    for (let i = 0; i < RUNS; i++) traces.push({ name: task, startMs: base + i * MINUTE, durationMs: 500, attributes: {}, children: [] });
    // Runs of another task: the filter must leave them out.
    for (let i = 0; i < 10; i++) traces.push({ name: `other-${run}`, startMs: base + i * MINUTE, durationMs: 500, attributes: {}, children: [] });
    await exportTraces(server, traces);
    traceIds = (await listTraces(server, { name: task, limit: 500 })).data.map((t) => t.traceId);
    expect(traceIds).toHaveLength(RUNS);
  });

  describe("sampling", () => {
    it("draws the seeded sample: the pure seeded order's runs, each once, the same again for the same seed", async () => {
      const body = { name: "weekly", filter: { name: task }, sampleSize: 15, scoreName: "helpful", labels: ["good", "bad"], seed: "week-49" };
      const first = await call<ReviewQueue>(server, "POST", "/api/v1/review-queues", body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ total: 15, done: 0, skipped: 0, seed: "week-49", filter: { name: task } });
      const drawn = (await itemsOf(server, first.body.id)).map((item) => item.traceId);
      expect(drawn).toEqual(drawSample("week-49", traceIds, 15));
      expect(new Set(drawn).size).toBe(15);

      const again = await call<ReviewQueue>(server, "POST", "/api/v1/review-queues", body);
      expect((await itemsOf(server, again.body.id)).map((item) => item.traceId)).toEqual(drawn);

      const other = await call<ReviewQueue>(server, "POST", "/api/v1/review-queues", { ...body, seed: "week-50" });
      expect((await itemsOf(server, other.body.id)).map((item) => item.traceId)).not.toEqual(drawn);
    });

    it("takes every matching run, once each, when the sample is larger than the match", async () => {
      const created = await call<ReviewQueue>(server, "POST", "/api/v1/review-queues", {
        name: "all",
        filter: { name: task },
        sampleSize: 500,
        scoreName: "helpful",
        range: [1, 5],
      });
      expect(created.status).toBe(201);
      expect(created.body.total).toBe(RUNS);
      expect(created.body.seed).toMatch(/^[0-9a-f]{16}$/);
      const drawn = (await itemsOf(server, created.body.id)).map((item) => item.traceId);
      expect([...drawn].sort()).toEqual([...traceIds].sort());
    });

    it("refuses bad queues with a 400 naming the field", async () => {
      const base = { name: "bad", filter: { name: task }, sampleSize: 5, scoreName: "helpful", labels: ["good", "bad"] };
      const cases: [unknown, string][] = [
        [{ ...base, sampleSize: 0 }, "sampleSize"],
        [{ ...base, labels: ["good"] }, "labels"],
        [{ ...base, range: [0, 1] }, "labels"],
        [{ ...base, filter: { status: "maybe" } }, "filter.status"],
        [{ ...base, filter: { limit: "5" } }, "filter.limit"],
      ];
      for (const [body, parameter] of cases) {
        const answer = await call<object>(server, "POST", "/api/v1/review-queues", body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.parameter).toBe(parameter);
      }
    });
  });

  describe("reviewing", () => {
    it("labels, tags, skips and counts runs to the end of the queue; labels outside the set are refused", async () => {
      const created = await call<ReviewQueue>(server, "POST", "/api/v1/review-queues", {
        name: "label me",
        filter: { name: task },
        sampleSize: 4,
        scoreName: "helpful",
        labels: ["good", "bad"],
        seed: 7,
      });
      const queueId = created.body.id;
      const drawn = (await itemsOf(server, queueId)).map((item) => item.traceId);
      const next = async () => call<{ itemId: string; traceId: string; position: number }>(server, "GET", `/api/v1/review-queues/${queueId}/next`);
      const submit = (itemId: string, body: unknown) => call<ReviewItem>(server, "POST", `/api/v1/review-queues/${queueId}/items/${itemId}`, body);

      const first = await next();
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ traceId: drawn[0], position: 0 });

      const outside = await submit(first.body.itemId, { label: "meh" });
      expect(outside.status).toBe(400);
      expect(outside.body).toMatchObject({ parameter: "label", error: "label: must be one of good, bad" });
      expect((await submit(first.body.itemId, { value: 1 })).body.parameter).toBe("value");
      expect((await call<ReviewQueue>(server, "GET", `/api/v1/review-queues/${queueId}`)).body).toMatchObject({ done: 0, skipped: 0 });
      expect((await next()).body.itemId).toBe(first.body.itemId);

      const labelled = await submit(first.body.itemId, { label: "bad", failureMode: "wrong_tool", comment: "called refund twice" });
      expect(labelled.status).toBe(200);
      expect(labelled.body).toMatchObject({
        state: "done",
        label: "bad",
        failureMode: "wrong_tool",
        comment: "called refund twice",
        reviewer: expect.any(String),
      });
      // The review is a score with source "review" on the run, linked from the item.
      const scores = await call<{ data: { id: string; name: string; label: string; source: string; comment: string }[] }>(
        server,
        "GET",
        `/api/v1/scores?traceId=${drawn[0]}&source=review`,
      );
      expect(scores.body.data).toEqual([
        expect.objectContaining({ id: labelled.body.scoreId, name: "helpful", label: "bad", source: "review", comment: "called refund twice" }),
      ]);
      expect((await submit(first.body.itemId, { label: "good" })).status).toBe(409);

      const second = await next();
      expect(second.body).toMatchObject({ traceId: drawn[1], position: 1 });
      expect((await submit(second.body.itemId, { skip: true })).body.state).toBe("skipped");
      for (const label of ["good", "good"]) {
        const item = await next();
        expect((await submit(item.body.itemId, { label })).status).toBe(200);
      }
      expect((await next()).status).toBe(204);

      const progress = await call<ReviewQueue>(server, "GET", `/api/v1/review-queues/${queueId}`);
      expect(progress.body).toMatchObject({ total: 4, done: 3, skipped: 1, byLabel: { bad: 1, good: 2 } });
      const results = await call<{ failureModes: unknown[] }>(server, "GET", `/api/v1/review-queues/${queueId}/results`);
      expect(results.body.failureModes).toEqual([{ failureMode: "wrong_tool", count: 1 }]);
      // A skipped run stays open to a later review.
      expect((await submit(second.body.itemId, { label: "good" })).status).toBe(200);
    });

    it("answers 404 for another queue's or an unknown item and queue", async () => {
      expect((await call(server, "GET", `/api/v1/review-queues/nope`)).status).toBe(404);
      expect((await call(server, "GET", `/api/v1/review-queues/nope/next`)).status).toBe(404);
      const created = await call<ReviewQueue>(server, "POST", "/api/v1/review-queues", {
        name: "x",
        filter: { name: task },
        sampleSize: 1,
        scoreName: "q",
        labels: ["good", "bad"],
      });
      expect((await call(server, "POST", `/api/v1/review-queues/${created.body.id}/items/nope`, { label: "good" })).status).toBe(404);
    });
  });
});
