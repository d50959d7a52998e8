// Agreement of a review queue with the other sources, on SQLite and PostgreSQL: runs go in through the real
// OTLP exporter under a task of their own, scores with source api through POST /api/v1/scores, reviews
// through the queue's API; GET /api/v1/review-queues/{id} and its /results must count exactly the reviewed
// runs the API also scored under the queue's score name, comparing labels with labels and pass/fail
// otherwise, in answers the OpenAPI document describes.
import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { ReviewAgreement } from "@/lib/quality/review-agreement";
import type { ReviewQueue } from "@/lib/quality/review-types";
import { authHeaders, forEachDatabase, listTraces, type TestServer } from "./support";
import { documentedAnswers } from "./support/documented-answer";
import { exportTraces, MINUTE, randomBaseHour, type SeedTrace } from "./support/metrics-seed";

type Answer<T> = { status: number; body: T & { error?: string } };

async function call<T>(server: TestServer, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...authHeaders(server), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answer<T>["body"]) : ({} as Answer<T>["body"]) };
}

type Plan = { review: { label: string } | { skip: true }; api: ({ label: string } | { value: number })[] };

// One plan per drawn run, in review order: what the API scores it, then how the reviewer labels it.
const PLANS: Plan[] = [
  { api: [{ label: "good" }], review: { label: "good" } }, // same label: agrees
  { api: [{ label: "bad" }], review: { label: "good" } }, // other label: disagrees
  { api: [{ value: 0.9 }], review: { label: "good" } }, // a passing number and a passing label: agrees
  { api: [{ value: 0.2 }], review: { label: "bad" } }, // both fail: agrees
  { api: [{ value: 0.7 }], review: { label: "bad" } }, // a passing number and a failing label: disagrees
  { api: [], review: { label: "good" } }, // no API score: not compared
  { api: [{ label: "good" }], review: { skip: true } }, // not reviewed: not compared
];

forEachDatabase((server) => {
  const run = randomBytes(4).toString("hex");
  const task = `agreement-task-${run}`;
  const scoreName = `helpful-${run}`;

  beforeAll(async () => {
    const base = randomBaseHour();
    const traces: SeedTrace[] = PLANS.map((_, i) => ({ name: task, startMs: base + i * MINUTE, durationMs: 500, attributes: {}, children: [] }));
    await exportTraces(server, traces);
    expect((await listTraces(server, { name: task, limit: 50 })).data).toHaveLength(PLANS.length);
  });

  it("counts per source the reviewed runs compared and those agreeing", async () => {
    const created = await call<ReviewQueue>(server, "POST", "/api/v1/review-queues", {
      name: `agreement-${run}`,
      filter: { name: task },
      sampleSize: PLANS.length,
      scoreName,
      labels: ["good", "bad"],
    });
    expect(created.status).toBe(201);
    const queueId = created.body.id;
    const detail = () => call<ReviewQueue & { agreement: ReviewAgreement[] }>(server, "GET", `/api/v1/review-queues/${queueId}`);
    expect((await detail()).body.agreement).toEqual([]);

    for (const plan of PLANS) {
      const next = await call<{ itemId: string; traceId: string }>(server, "GET", `/api/v1/review-queues/${queueId}/next`);
      expect(next.status).toBe(200);
      for (const verdict of plan.api) {
        const posted = await call(server, "POST", "/api/v1/scores", { traceId: next.body.traceId, name: scoreName, ...verdict });
        expect(posted.status).toBe(201);
      }
      // Another score name on the same run is not the queue's: it must not count.
      await call(server, "POST", "/api/v1/scores", { traceId: next.body.traceId, name: `other-${run}`, label: "bad" });
      const reviewed = await call(server, "POST", `/api/v1/review-queues/${queueId}/items/${next.body.itemId}`, plan.review);
      expect(reviewed.status).toBe(200);
    }

    const answer = await detail();
    expect(answer.status).toBe(200);
    const served = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as Parameters<typeof documentedAnswers>[0];
    const response = await fetch(`${server.baseUrl}/api/v1/review-queues/${queueId}`, { headers: authHeaders(server) });
    await documentedAnswers(served)(response, "GET", "/api/v1/review-queues/{id}");
    expect(answer.body).toMatchObject({ done: 6, skipped: 1 });
    expect(answer.body.agreement).toEqual([{ source: "api", compared: 5, agreed: 3, rate: 0.6 }]);

    // The results answer carries the same agreement, in a documented shape.
    const results = await call<{ agreement: ReviewAgreement[] }>(server, "GET", `/api/v1/review-queues/${queueId}/results`);
    expect(results.status).toBe(200);
    expect(results.body.agreement).toEqual(answer.body.agreement);
    const resultsResponse = await fetch(`${server.baseUrl}/api/v1/review-queues/${queueId}/results`, { headers: authHeaders(server) });
    await documentedAnswers(served)(resultsResponse, "GET", "/api/v1/review-queues/{id}/results");
  });
});
