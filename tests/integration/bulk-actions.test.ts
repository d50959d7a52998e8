// Bulk actions of the trace list over real HTTP on SQLite and PostgreSQL: tagging a selection at once
// (roles, all or nothing on bad input), exporting exactly a selection, and tag counts over time with
// exact figures. Traces come from the real OpenTelemetry SDK (support/collab-seed.ts).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { userSession } from "../support/seed-users";
import { forEachDatabase, listTraces } from "./support";
import { sendAgentRun } from "./support/collab-seed";

const JSON_TYPE = { "content-type": "application/json" };
const HOUR = 3_600_000;

forEachDatabase((server) => {
  const run = randomBytes(4).toString("hex");
  const url = (path: string) => `${server.baseUrl}${path}`;
  const key = { authorization: `Bearer ${server.apiKey}`, ...JSON_TYPE };
  // Runs of their own, days back at a random whole hour, so no other file's traces share their buckets.
  const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000 - (3 + (parseInt(run, 16) % 20)) * 86_400_000;
  const at = (hour: number, minute: number) => dayStart + hour * HOUR + minute * 60_000;
  const startTimes = [at(9, 5), at(9, 40), at(10, 15), at(13, 0), at(13, 59)];
  let ids: string[];
  let member: Record<string, string>;
  let viewer: Record<string, string>;

  const post = (headers: Record<string, string>, body: unknown) => fetch(url("/api/v1/traces/tags"), { method: "POST", headers, body: JSON.stringify(body) });
  const tagsOf = async (traceId: string) => ((await (await fetch(url(`/api/v1/traces/${traceId}/tags`), { headers: key })).json()) as { tags: string[] }).tags;

  beforeAll(async () => {
    for (const [i, startMs] of startTimes.entries()) await sendAgentRun(server.baseUrl, server.apiKey, `bulk-${run}-${i}`, startMs);
    const page = await listTraces(server, { q: `bulk-${run}`, from: new Date(dayStart).toISOString(), limit: 10 });
    const byName = new Map(page.data.map((t) => [t.name, t.traceId]));
    ids = startTimes.map((_, i) => byName.get(`bulk-${run}-${i}`)!);
    expect(ids.every(Boolean)).toBe(true);
    member = { cookie: await userSession(server, `member-${run}@bulk.test`, "member"), origin: server.baseUrl, ...JSON_TYPE };
    viewer = { cookie: await userSession(server, `viewer-${run}@bulk.test`, "viewer"), origin: server.baseUrl, ...JSON_TYPE };
  });

  describe("tagging a selection", () => {
    it("lets members tag several traces at once (viewers may not) and the list filter finds them", async () => {
      const tag = `flaky-${run}`;
      expect((await post(viewer, { traceIds: ids.slice(0, 2), add: [tag] })).status).toBe(403);
      expect(await tagsOf(ids[0]!)).toEqual([]);

      await post(key, { traceIds: [ids[1]!], add: ["kept"] });
      const response = await post(member, { traceIds: [ids[0]!, ids[1]!.toUpperCase(), ids[0]!], add: [tag, ` ${tag} `] });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        data: [
          { traceId: ids[0], tags: [tag] },
          { traceId: ids[1], tags: ["kept", tag] },
        ],
      });
      const listed = await listTraces(server, { tag, from: new Date(dayStart).toISOString() });
      expect(listed.data.map((t) => t.traceId).sort()).toEqual([ids[0], ids[1]].sort());

      const removed = await post(member, { traceIds: [ids[1]!], remove: ["kept"] });
      expect(((await removed.json()) as { data: unknown }).data).toEqual([{ traceId: ids[1], tags: [tag] }]);
    });

    it("refuses bad input with a clear 4xx and changes nothing", async () => {
      const before = await Promise.all(ids.slice(0, 3).map(tagsOf));
      const unknown = await post(member, { traceIds: [ids[2]!, "f".repeat(32)], add: ["x"] });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error: `trace ${"f".repeat(32)} not found`, parameter: "traceIds" });

      const control = await post(member, { traceIds: [ids[2]!], add: ["bad\u0001tag"] });
      expect(control.status).toBe(400);
      expect(((await control.json()) as { parameter: string }).parameter).toBe("add.0");
      expect((await post(member, { traceIds: [ids[2]!] })).status).toBe(400);
      expect((await post(member, { traceIds: "all", add: ["x"] })).status).toBe(400);

      // Fill the third trace up to the limit: one more tag for both traces is refused for both.
      const fifty = Array.from({ length: 50 }, (_, i) => `t${i}`);
      expect((await fetch(url(`/api/v1/traces/${ids[2]}/tags`), { method: "PUT", headers: key, body: JSON.stringify({ tags: fifty }) })).status).toBe(200);
      const over = await post(member, { traceIds: [ids[3]!, ids[2]!], add: ["one-more"] });
      expect(over.status).toBe(400);
      expect(await over.json()).toEqual({ error: `add: trace ${ids[2]} would carry more than 50 tags`, parameter: "add" });
      expect(await tagsOf(ids[3]!)).toEqual([]);
      expect(await tagsOf(ids[2]!)).toEqual(fifty);
      await fetch(url(`/api/v1/traces/${ids[2]}/tags`), { method: "PUT", headers: key, body: JSON.stringify({ tags: before[2] }) });
      expect(await Promise.all(ids.slice(0, 2).map(tagsOf))).toEqual(before.slice(0, 2));
    });
  });

  it("exports exactly the selected traces as JSONL and CSV, for viewers too", async () => {
    const selection = [ids[4]!, ids[0]!];
    const query = (format: string) => `/api/v1/traces/export?format=${format}&traceId=${selection[0]}&traceId=${selection[1]!.toUpperCase()}`;
    const jsonl = await fetch(url(query("jsonl")), { headers: { cookie: viewer.cookie! } });
    expect(jsonl.status).toBe(200);
    const lines = (await jsonl.text()).trim().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { trace: { traceId: string } }).trace.traceId).sort()).toEqual([...selection].sort());
    const csv = (await (await fetch(url(query("csv")), { headers: key })).text()).trim().split("\n");
    expect(csv).toHaveLength(3);
    expect(csv.slice(1).map((row) => selection.find((id) => row.includes(id)))).toEqual(expect.arrayContaining(selection));

    const bad = await fetch(url("/api/v1/traces/export?traceId=nope"), { headers: key });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe("traceId");
  });

  it("pages through the list in every order exactly as one page lists it (what an export walks)", async () => {
    const from = new Date(dayStart).toISOString();
    const to = new Date(dayStart + 86_400_000).toISOString();
    for (const [sort, order] of [
      ["time", "desc"],
      ["time", "asc"],
      ["duration", "asc"],
      ["duration", "desc"],
      ["cost", "desc"],
    ]) {
      const filter = { q: `bulk-${run}`, from, to, sort: sort!, order: order! };
      const whole = (await listTraces(server, { ...filter, limit: 10 })).data.map((t) => t.traceId);
      expect(whole).toHaveLength(5);
      const walked: string[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await listTraces(server, { ...filter, limit: 2, ...(cursor ? { cursor } : {}) });
        walked.push(...page.data.map((t) => t.traceId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked, `${sort} ${order}`).toEqual(whole);
    }
  });

  it("counts tagged runs per bucket of their start time, exactly", async () => {
    const [red, blue] = [`red-${run}`, `blue-${run}`];
    await post(key, { traceIds: [ids[0]!, ids[1]!, ids[3]!], add: [red] });
    await post(key, { traceIds: [ids[1]!, ids[2]!, ids[4]!], add: [blue] });
    const range = `from=${new Date(at(8, 30)).toISOString()}&to=${new Date(at(14, 0)).toISOString()}`;
    const mine = async (query: string) => {
      const response = await fetch(url(`/api/v1/metrics/tags?${query}`), { headers: key });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: { bucketStart: string; tag: string; traces: number }[] }).data.filter((p) => p.tag.endsWith(run));
    };
    const hour = (h: number) => new Date(at(h, 0)).toISOString();
    expect(await mine(`${range}&bucket=1h&limit=50`)).toEqual([
      { bucketStart: hour(9), tag: blue, traces: 1 },
      { bucketStart: hour(9), tag: `flaky-${run}`, traces: 2 },
      { bucketStart: hour(9), tag: red, traces: 2 },
      { bucketStart: hour(10), tag: blue, traces: 1 },
      { bucketStart: hour(13), tag: blue, traces: 1 },
      { bucketStart: hour(13), tag: red, traces: 1 },
    ]);
    expect(await mine(`${range}&bucket=1d&limit=50`)).toEqual([
      { bucketStart: hour(0), tag: blue, traces: 3 },
      { bucketStart: hour(0), tag: `flaky-${run}`, traces: 2 },
      { bucketStart: hour(0), tag: red, traces: 3 },
    ]);
    const bad = await fetch(url("/api/v1/metrics/tags?bucket=1m"), { headers: key });
    expect(await bad.json()).toEqual({ error: "bucket: must be one of 1h, 1d", parameter: "bucket" });
  });
});
