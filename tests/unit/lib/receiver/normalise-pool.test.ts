// The normalise worker (the bundle `npm start` builds) must answer exactly what normalising in the
// request thread answers: same records for every captured fixture, same refusals, current prices.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNormalisePool, type NormalisePool } from "@/lib/receiver/normalise-pool";
import { normaliseBody } from "@/lib/ingest/pipeline";
import { buildPriceBook } from "@/lib/pricing/compute";
import { buildWorkers } from "../../../../scripts/lib/build-workers";
import { readFixtureJson } from "../ingest/support/otlp";
import { EMPTY_REDACTION } from "@/lib/redaction";

// Inside the project, so the bundle's external packages resolve from its node_modules.
const ROOT = path.resolve(import.meta.dirname, "../../../../tmp/normalise-pool-test");
const FIXTURES = ["vercel-ai", "openai-official", "openinference", "openllmetry", "langfuse"];
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

let pool: NormalisePool;

beforeAll(() => {
  buildWorkers(ROOT);
  pool = createNormalisePool(2, ROOT)!;
}, 60_000);

afterAll(async () => {
  await pool?.close();
  rmSync(ROOT, { recursive: true, force: true });
});

describe("normalise worker pool", () => {
  it.each(FIXTURES)("normalises the %s fixture exactly as the request thread does", async (name) => {
    const body = readFixtureJson(`${name}.json`);
    const book = buildPriceBook();
    const inThread = normaliseBody("traces", bytesOf(body), "json", book);
    const inWorker = await pool.run("traces", bytesOf(body), "json", book, EMPTY_REDACTION);
    expect(inThread.ok && inThread.batch.spans.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(inThread);
  });

  it("normalises log records too", async () => {
    const body = readFixtureJson("openai-official.logs.json");
    const inWorker = await pool.run("logs", bytesOf(body), "json", buildPriceBook(), EMPTY_REDACTION);
    expect(inWorker).toEqual(normaliseBody("logs", bytesOf(body), "json", buildPriceBook()));
    expect(inWorker.ok && inWorker.batch.logs.length).toBeGreaterThan(0);
  });

  it("refuses a malformed body with the same message", async () => {
    // The pool moves a body's memory into the worker: each call gets its own bytes.
    const bad = () => bytesOf({ resourceSpans: { not: "a list" } });
    const inWorker = await pool.run("traces", bad(), "json", buildPriceBook(), EMPTY_REDACTION);
    expect(inWorker).toMatchObject({ ok: false, message: expect.stringContaining("resourceSpans") });
    expect(normaliseBody("traces", bad(), "json", buildPriceBook())).toEqual(inWorker);
  });

  it("prices with the book of each job, so an override applies to the next request", async () => {
    const body = readFixtureJson("openai-official.json");
    const costs = async (book: ReturnType<typeof buildPriceBook>) => {
      const result = await pool.run("traces", bytesOf(body), "json", book, EMPTY_REDACTION);
      if (!result.ok) throw new Error(result.message);
      return result.batch.spans.filter((s) => s.costSource === "computed" && s.model?.startsWith("gpt-4o-mini")).map((s) => s.costUsd);
    };
    const before = await costs(buildPriceBook());
    const doubled = buildPriceBook(new Map([["gpt-4o-mini", { provider: "openai", input: 0.3, output: 1.2, cacheRead: null, cacheWrite: null }]]));
    const after = await costs(doubled);
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before.map((cost) => cost! * 2));
    expect(await costs(buildPriceBook())).toEqual(before);
  });

  it("fails the jobs of a worker that dies and replaces it", async () => {
    // Big enough that the worker is still busy with it when it is terminated.
    const fixture = readFixtureJson("langfuse.json") as { resourceSpans: unknown[] };
    const body = bytesOf({ resourceSpans: Array.from({ length: 3000 }, () => fixture.resourceSpans).flat() });
    const inFlight = pool.run("traces", body, "json", buildPriceBook(), EMPTY_REDACTION);
    await pool.close();
    await expect(inFlight).rejects.toThrow(/normalise worker/);
    const again = await pool.run("traces", bytesOf(readFixtureJson("langfuse.json")), "json", buildPriceBook(), EMPTY_REDACTION);
    expect(again.ok).toBe(true);
  });
});

describe("createNormalisePool", () => {
  it("returns null (normalise in the request thread) for 0 workers or a missing bundle", () => {
    expect(createNormalisePool(0, ROOT)).toBeNull();
    expect(createNormalisePool(1, path.join(ROOT, "nowhere"))).toBeNull();
  });
});
