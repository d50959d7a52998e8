// Every error answer of the receiver and the read API. Each case is followed by a check that a trace
// stored before it is unchanged: a bad request stores nothing and breaks nothing.
import { gzipSync } from "node:zlib";
import { beforeAll, expect, it } from "vitest";
import { authHeaders, forEachDatabase, getStoredTrace, getTrace, postOtlp, type TestServer } from "./support";
import { agentRun, hex, request, span } from "./support/otlp-json";
import { RpcStatus } from "@/lib/ingest/parse";

const json = { "content-type": "application/json" };
const protobuf = { "content-type": "application/x-protobuf" };

type Case = { name: string; status: number; send: (server: TestServer) => Promise<Response>; message: RegExp };

const cases: Case[] = [
  { name: "no API key", status: 401, message: /missing API key/, send: (s) => fetch(`${s.baseUrl}/v1/traces`, { method: "POST", body: "{}", headers: json }) },
  {
    name: "unknown API key",
    status: 401,
    message: /unknown API key/,
    send: (s) => fetch(`${s.baseUrl}/v1/traces`, { method: "POST", body: "{}", headers: { ...json, "x-api-key": "hs_nope_nope_nope_nope" } }),
  },
  {
    name: "unsupported content type",
    status: 415,
    message: /unsupported content type "text\/plain"/,
    send: (s) => postOtlp(s, "hello", { "content-type": "text/plain" }),
  },
  {
    name: "unsupported encoding",
    status: 415,
    message: /unsupported content encoding "br"/,
    send: (s) => postOtlp(s, "{}", { ...json, "content-encoding": "br" }),
  },
  { name: "invalid JSON", status: 400, message: /not valid JSON/, send: (s) => postOtlp(s, '{"resourceSpans": [', json) },
  { name: "wrong JSON shape", status: 400, message: /resourceSpans must be an array/, send: (s) => postOtlp(s, '{"resourceSpans": {"x": 1}}', json) },
  {
    name: "span that is not an object",
    status: 400,
    message: /span must be an object/,
    send: (s) => postOtlp(s, '{"resourceSpans":[{"scopeSpans":[{"spans":[42]}]}]}', json),
  },
  {
    name: "timestamp that is not an integer",
    status: 400,
    message: /startTimeUnixNano "yesterday"/,
    send: (s) =>
      postOtlp(s, JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ ...agentRun().spans.root, startTimeUnixNano: "yesterday" }] }] }] }), json),
  },
  { name: "broken gzip", status: 400, message: /not valid gzip/, send: (s) => postOtlp(s, "definitely not gzip", { ...json, "content-encoding": "gzip" }) },
  {
    name: "gzip bomb over the limit after decompression",
    status: 413,
    message: /exceeds 16777216 bytes/,
    send: (s) => postOtlp(s, gzipSync(Buffer.alloc(17 * 1024 * 1024, 0x20)), { ...json, "content-encoding": "gzip" }),
  },
  { name: "declared body over the limit", status: 413, message: /exceeds/, send: (s) => postOtlp(s, Buffer.alloc(17 * 1024 * 1024, 0x20), json) },
  { name: "logs with a broken body", status: 400, message: /resourceLogs must be an array/, send: (s) => postOtlp(s, '{"resourceLogs": 3}', json, "/v1/logs") },
];

forEachDatabase((server) => {
  let stored: unknown;
  let storedId: string;
  beforeAll(async () => {
    const run = agentRun();
    expect((await postOtlp(server, JSON.stringify(request(Object.values(run.spans))), json)).status).toBe(200);
    storedId = run.traceId;
    stored = await getStoredTrace(server, storedId);
  });

  it.each(cases)("$name → $status with a message, earlier data intact", async ({ status, send, message }) => {
    const response = await send(server);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { code: number; message: string };
    expect(body.message).toMatch(message);
    expect(typeof body.code).toBe("number");
    expect(await getStoredTrace(server, storedId)).toEqual(stored);
  });

  it("answers an undecodable protobuf body with a protobuf google.rpc.Status", async () => {
    const response = await postOtlp(server, new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), protobuf);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    const status = RpcStatus.toObject(RpcStatus.decode(new Uint8Array(await response.arrayBuffer())));
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/not a valid protobuf ExportTraceServiceRequest/);
    expect(await getStoredTrace(server, storedId)).toEqual(stored);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=501", "limit"],
    ["from=yesterday", "from"],
    ["status=broken", "status"],
    ["minCostUsd=-1", "minCostUsd"],
    ["stauts=error", "stauts"],
    ["cursor=abc", "cursor"],
    ["from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"],
    ["minDurationMs=5&maxDurationMs=1", "maxDurationMs"],
  ])("GET /api/v1/traces?%s → 400 naming %s", async (query, parameter) => {
    const response = await fetch(`${server.baseUrl}/api/v1/traces?${query}`, { headers: authHeaders(server) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error.startsWith(`${parameter}:`)).toBe(true);
  });

  it("stores span text that carries NUL characters (as U+FFFD on PostgreSQL, whose text cannot hold them)", async () => {
    const traceId = hex(16);
    const args = "look up a\u0000b"; // plain text: JSON text may not hold a raw NUL
    const sent = span(
      traceId,
      hex(8),
      "",
      "execute_tool look\u0000up",
      0,
      10,
      { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup", "gen_ai.tool.call.arguments": args },
      { code: 2, message: "bad\u0000byte" },
    );
    expect((await postOtlp(server, JSON.stringify(request([sent])), json)).status).toBe(200);
    const [tool] = (await getTrace(server, traceId)).spans;
    const asStored = (text: string) => (server.name === "postgres" ? text.replaceAll("\u0000", "\uFFFD") : text);
    expect(tool!.name).toBe(asStored("execute_tool look\u0000up"));
    expect(tool!.statusMessage).toBe(asStored("bad\u0000byte"));
    expect(tool!.input).toBe(asStored(args));
    expect(tool!.attributes["gen_ai.tool.call.arguments"]).toBe(args); // the attributes keep it on both
    expect(await getStoredTrace(server, storedId)).toEqual(stored);
  });

  it("refuses NUL characters in text filters with a 400 naming the parameter", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/traces?q=a%00b`, { headers: authHeaders(server) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { parameter: string }).parameter).toBe("q");
  });

  it("answers 401, 400 and 404 on the trace endpoint", async () => {
    expect((await fetch(`${server.baseUrl}/api/v1/traces/${hex(16)}`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/v1/traces/xyz`, { headers: authHeaders(server) })).status).toBe(400);
    expect((await fetch(`${server.baseUrl}/api/v1/traces/${hex(16)}`, { headers: authHeaders(server) })).status).toBe(404);
    expect(await getStoredTrace(server, storedId)).toEqual(stored);
  });
});
