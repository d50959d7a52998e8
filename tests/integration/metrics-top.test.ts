// The cost API's `top` groups on SQLite and PostgreSQL: the costliest groups of the range come one by one,
// every other group of a bucket is summed into one "(other)" point, and the points of each bucket still add
// up to every trace, token and dollar of it. Traces go in through the real OTLP exporter, in a random hour
// years before "now" that holds only this file's data.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CostPoint } from "@/lib/analytics/series";
import { forEachDatabase, listTraces } from "./support";
import { exportTraces, fetchMetrics, HOUR, iso, MINUTE, randomBaseHour, type SeedTrace } from "./support/metrics-seed";

const USERS = 6;
/** User k makes k + 1 runs, so user 5 costs most; hour 0 gets the larger half of them. */
const runsOf = (k: number, hour: number) => (hour === 0 ? Math.ceil((k + 1) / 2) : Math.floor((k + 1) / 2));

function seed(run: string, base: number): SeedTrace[] {
  return [0, 1].flatMap((hour) =>
    Array.from({ length: USERS }, (_, k) =>
      Array.from({ length: runsOf(k, hour) }, (_, i) => ({
        name: `top-${run}`,
        startMs: base + hour * HOUR + (k * 6 + i) * MINUTE,
        durationMs: 100,
        attributes: { "user.id": `user-${run}-${k}`, "session.id": `sess-${run}-${k}` },
        children: [
          {
            name: "chat gpt-4o-mini",
            offsetMs: 5,
            durationMs: 50,
            attributes: {
              "gen_ai.operation.name": "chat",
              "gen_ai.provider.name": "openai",
              "gen_ai.request.model": "gpt-4o-mini",
              "gen_ai.usage.input_tokens": 1000,
              "gen_ai.usage.output_tokens": 100,
            },
          },
        ],
      })),
    ).flat(),
  );
}

forEachDatabase((server) => {
  describe("cost by the top groups", () => {
    const run = randomBytes(4).toString("hex");
    const base = randomBaseHour();
    const hours = { from: iso(base), to: iso(base + 2 * HOUR), bucket: "1h" };
    const user = (k: number) => `user-${run}-${k}`;

    const points = async (params: Record<string, string | number>) => {
      const { status, body } = await fetchMetrics(server, "cost", { ...hours, ...params });
      expect(status, JSON.stringify(body)).toBe(200);
      return (body as { data: CostPoint[] }).data;
    };
    const sums = (data: CostPoint[]) =>
      [0, 1].map((hour) => {
        const own = data.filter((p) => p.bucketStart === iso(base + hour * HOUR));
        return {
          traces: own.reduce((s, p) => s + p.traces, 0),
          input: own.reduce((s, p) => s + p.inputTokens, 0),
          cost: own.reduce((s, p) => s + p.costUsd, 0),
        };
      });

    beforeAll(async () => {
      await exportTraces(server, seed(run, base));
      expect((await listTraces(server, { name: `top-${run}`, limit: 100 })).data).toHaveLength(21);
    });

    it("keeps the costliest users and folds the others of each hour into (other), in point order", async () => {
      const data = await points({ groupBy: "user", top: 3 });
      expect(data.map((p) => [p.bucketStart, p.group, p.traces, p.otherGroups])).toEqual([
        [iso(base), "(other)", 1 + 1 + 2, 3],
        [iso(base), user(3), 2, undefined],
        [iso(base), user(4), 3, undefined],
        [iso(base), user(5), 3, undefined],
        [iso(base + HOUR), "(other)", 0 + 1 + 1, 2],
        [iso(base + HOUR), user(3), 2, undefined],
        [iso(base + HOUR), user(4), 2, undefined],
        [iso(base + HOUR), user(5), 3, undefined],
      ]);
      const other = data[0]!;
      expect(other.inputTokens).toBe(4 * 1000);
      expect(other.outputTokens).toBe(4 * 100);
      expect(other.costPerTraceUsd).toBeCloseTo(other.costUsd / 4, 12);
    });

    it("keeps every total of a bucket exact", async () => {
      const all = await points({ groupBy: "user", top: "all" });
      expect(all.map((p) => p.group)).not.toContain("(other)");
      expect(all).toHaveLength(11);
      for (const top of [1, 2, 5]) {
        const folded = sums(await points({ groupBy: "user", top }));
        const exact = sums(all);
        expect(folded.map((s) => [s.traces, s.input])).toEqual([
          [12, 12_000],
          [9, 9_000],
        ]);
        for (const [i, s] of folded.entries()) expect(s.cost).toBeCloseTo(exact[i]!.cost, 12);
      }
    });

    it("answers every group when there are no more than `top` (default 20): no (other)", async () => {
      const all = await points({ groupBy: "user", top: "all" });
      expect(await points({ groupBy: "user" })).toEqual(all);
      expect(await points({ groupBy: "user", top: USERS })).toEqual(all);
      expect((await points({ groupBy: "task", top: 1 })).map((p) => p.group)).toEqual([`top-${run}`, `top-${run}`]);
    });

    it("folds sessions per day too", async () => {
      const data = await points({ groupBy: "session", bucket: "1d", top: 2 });
      expect(data.map((p) => [p.group, p.traces, p.otherGroups])).toEqual([
        ["(other)", 1 + 2 + 3 + 4, 4],
        [`sess-${run}-4`, 5, undefined],
        [`sess-${run}-5`, 6, undefined],
      ]);
    });

    it.each(["0", "1001", "-1", "2.5", "ten", ""])("answers 400 naming top for top=%j", async (top) => {
      const { status, body } = await fetchMetrics(server, "cost", { ...hours, groupBy: "user", top });
      expect(status).toBe(400);
      expect(body).toMatchObject({ parameter: "top", error: expect.stringContaining("top: must be a whole number from 1 to 1000, or all") });
    });

    it("refuses top on latency, whose groups are few", async () => {
      const { status, body } = await fetchMetrics(server, "latency", { ...hours, top: 3 });
      expect(status).toBe(400);
      expect(body).toMatchObject({ parameter: "top" });
    });
  });
});
