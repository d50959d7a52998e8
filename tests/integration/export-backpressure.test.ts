// The bulk export against a client that stops reading, on SQLite and PostgreSQL: the server must stop
// reading the database too (the answer is produced as the client takes it, not buffered), then finish
// exactly once the client reads on. What the server reads is counted by the kernel (/proc/<pid>/io,
// rchar: SQLite's file reads, PostgreSQL's socket reads), so the check does not depend on timing. A
// server of its own per database (retro analysis and alerts off), so no other work reads meanwhile.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TraceDetail } from "@/lib/trace/types";
import { startHindsight, type RunningServer } from "../support/hindsight-server";
import { sendAgentRun } from "./support/collab-seed";
import { attrs, hex } from "./support/otlp-json";

const TRACES = 2_400;
const TRACES_PER_REQUEST = 100;
/** Random text per span (incompressible, and big enough that the export far outgrows socket buffers). */
const PAYLOAD_BYTES = 4_000;
const QUIET_POLLS = 8;
/** Reads smaller than this between two polls count as quiet (job leases and pool checks read a little). */
const QUIET_BYTES = 64 * 1024;
const POLL_MS = 250;
const MAX_POLLS = 160;

/** Bytes the process has read through read()/pread() (files and sockets). */
const bytesRead = (pid: number) => Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, "utf8"))![1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function otlpBody(first: number, baseMs: number): string {
  const spans = [];
  for (let i = first; i < first + TRACES_PER_REQUEST; i++) {
    const traceId = hex(16);
    const root = hex(8);
    const t = baseMs + i * 10;
    const ns = (ms: number) => String(BigInt(ms) * 1_000_000n);
    const child = (name: string, from: number) => ({
      traceId,
      spanId: hex(8),
      parentSpanId: root,
      name,
      kind: 1,
      startTimeUnixNano: ns(t + from),
      endTimeUnixNano: ns(t + from + 100),
      attributes: attrs({ "export.payload": hex(PAYLOAD_BYTES / 2) }),
      status: { code: 1 },
    });
    spans.push(
      {
        traceId,
        spanId: root,
        name: `export-${i}`,
        kind: 1,
        startTimeUnixNano: ns(t),
        endTimeUnixNano: ns(t + 500),
        attributes: attrs({ "export.payload": hex(PAYLOAD_BYTES / 2) }),
        status: { code: 1 },
      },
      child("step one", 10),
      child("step two", 200),
    );
  }
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: attrs({ "service.name": "export-test" }) }, scopeSpans: [{ scope: { name: "test" }, spans }] }],
  });
}

/** Polls until the count stops moving (QUIET_POLLS readings in a row that grew by less than QUIET_BYTES), and returns it. */
async function settled(read: () => number): Promise<number> {
  let last = read();
  for (let polls = 0, quiet = 0; quiet < QUIET_POLLS && polls < MAX_POLLS; polls++) {
    await sleep(POLL_MS);
    const now = read();
    quiet = now - last < QUIET_BYTES ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

for (const { name: database } of inject("servers")) {
  describe(`on ${database}`, () => {
    let server: RunningServer;
    let sdkTraceId: string;
    const tag = `exported-${randomBytes(4).toString("hex")}`;
    const headers = () => ({ authorization: `Bearer ${server.apiKey}` });

    beforeAll(async () => {
      server = await startHindsight({
        database,
        env: { HINDSIGHT_FINDINGS: "off", HINDSIGHT_ALERT_INTERVAL_SECONDS: "0", HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS: "0" },
      });
      const baseMs = Date.now() - 3_600_000;
      await sendAgentRun(server.baseUrl, server.apiKey, "sdk-run", baseMs - 60_000);
      for (let first = 0; first < TRACES; first += TRACES_PER_REQUEST) {
        const response = await fetch(`${server.baseUrl}/v1/traces`, {
          method: "POST",
          headers: { ...headers(), "content-type": "application/json" },
          body: otlpBody(first, baseMs),
        });
        expect(response.status).toBe(200);
      }
      const listed = (await (await fetch(`${server.baseUrl}/api/v1/traces?name=sdk-run`, { headers: headers() })).json()) as { data: { traceId: string }[] };
      sdkTraceId = listed.data[0]!.traceId;
      const tagged = await fetch(`${server.baseUrl}/api/v1/traces/${sdkTraceId}/tags`, {
        method: "PUT",
        headers: { ...headers(), "content-type": "application/json" },
        body: JSON.stringify({ tags: [tag] }),
      });
      expect(tagged.status).toBe(200);
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
    });

    it("stops reading the database while the client does not read, then sends every trace", async () => {
      const before = bytesRead(server.pid);
      const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http.get(`${server.baseUrl}/api/v1/traces/export?format=jsonl`, { headers: headers() }, resolve).on("error", reject),
      );
      expect(response.statusCode).toBe(200);
      const chunks: Buffer[] = [];
      const ended = new Promise<void>((resolve, reject) => response.on("end", resolve).on("error", reject));
      // Take the first chunk, then stop reading: the socket's buffers fill and the server must wait.
      await new Promise<void>((resolve) =>
        response.once("data", (chunk: Buffer) => {
          chunks.push(chunk);
          response.pause();
          resolve();
        }),
      );
      const whilePaused = (await settled(() => bytesRead(server.pid))) - before;

      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.resume();
      await ended;
      const whole = bytesRead(server.pid) - before;
      const lines = Buffer.concat(chunks).toString("utf8").split("\n");
      expect(lines.pop()).toBe("");
      const details = lines.map((line) => JSON.parse(line) as TraceDetail & { tags: string[] });
      expect(details).toHaveLength(TRACES + 1);
      expect(new Set(details.map((d) => d.trace.traceId)).size).toBe(TRACES + 1);
      expect(details.filter((d) => d.trace.name.startsWith("export-")).every((d) => d.spans.length === 3)).toBe(true);
      // A server that buffered the answer would have read (nearly) everything while the client paused.
      expect(whilePaused).toBeLessThan(whole / 2);
    }, 120_000);

    it("writes each trace exactly as GET /api/v1/traces/{id} answers it, with its tags", async () => {
      const exported = await (await fetch(`${server.baseUrl}/api/v1/traces/export?format=jsonl&tag=${tag}`, { headers: headers() })).text();
      const detail = (await (await fetch(`${server.baseUrl}/api/v1/traces/${sdkTraceId}`, { headers: headers() })).json()) as TraceDetail;
      expect(detail.spans.length).toBeGreaterThan(1);
      expect(
        exported
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as unknown),
      ).toEqual([{ ...detail, tags: [tag] }]);
    });
  });
}
