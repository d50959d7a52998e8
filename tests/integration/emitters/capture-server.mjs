#!/usr/bin/env node
// Throwaway OTLP/HTTP sink for developing the emitters without a Hindsight server.
//
//   node tests/integration/emitters/capture-server.mjs --out /tmp/cap.json [--fixture vercel-ai] \
//     -- node tests/integration/emitters/vercel-ai.mjs
//
// Listens on an ephemeral 127.0.0.1 port, runs the command with HINDSIGHT_URL/HINDSIGHT_API_KEY pointing
// at itself, and when the command exits writes every request it received (decoded to OTLP/JSON) plus the
// command's stdout to --out. With --fixture NAME it also writes the merged payloads to
// tests/fixtures/otlp/NAME.json (an ExportTraceServiceRequest) and NAME.logs.json (ExportLogsServiceRequest).
// Without a command it serves until Ctrl-C.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeOtlpProtobuf } from "./otlp-proto.mjs";

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../fixtures/otlp");
const ROUTES = { "/v1/traces": "traces", "/api/public/otel/v1/traces": "traces", "/v1/logs": "logs" };

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const command = dash >= 0 ? argv.slice(dash + 1) : [];
const options = dash >= 0 ? argv.slice(0, dash) : argv;
const option = (name) => {
  const i = options.indexOf(name);
  return i >= 0 ? options[i + 1] : undefined;
};
const outFile = option("--out") ?? "capture.json";
const fixtureName = option("--fixture");

const requests = [];

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://capture");
  const signal = ROUTES[url.pathname];
  let raw = await readBody(req);
  if (req.method !== "POST" || !signal) {
    res.writeHead(404).end();
    return;
  }
  if (req.headers["content-encoding"] === "gzip") raw = gunzipSync(raw);
  const contentType = (req.headers["content-type"] ?? "").split(";")[0].trim();
  const isJson = contentType === "application/json";
  try {
    const body = isJson ? JSON.parse(raw.toString("utf8")) : decodeOtlpProtobuf(signal, raw);
    requests.push({
      path: url.pathname,
      signal,
      contentType,
      contentEncoding: req.headers["content-encoding"] ?? null,
      authorization: req.headers.authorization ?? null,
      userAgent: req.headers["user-agent"] ?? null,
      receivedAt: new Date().toISOString(),
      body,
    });
  } catch (err) {
    console.error(`[capture] cannot decode ${url.pathname} (${contentType}):`, err);
    res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code: 3, message: String(err) }));
    return;
  }
  // An empty Export*ServiceResponse: zero bytes in protobuf, {} in JSON.
  res.writeHead(200, { "content-type": isJson ? "application/json" : "application/x-protobuf" });
  res.end(isJson ? "{}" : undefined);
});

/** Concatenates resourceSpans/resourceLogs of all requests, merging identical resource + scope pairs. */
function mergeRequests(signal) {
  const [resKey, scopeKey, itemKey] = signal === "traces" ? ["resourceSpans", "scopeSpans", "spans"] : ["resourceLogs", "scopeLogs", "logRecords"];
  const resources = new Map();
  for (const request of requests.filter((r) => r.signal === signal)) {
    for (const rs of request.body[resKey] ?? []) {
      const rk = JSON.stringify(rs.resource ?? {});
      if (!resources.has(rk)) resources.set(rk, { resource: rs.resource, schemaUrl: rs.schemaUrl, scopes: new Map() });
      const entry = resources.get(rk);
      for (const ss of rs[scopeKey] ?? []) {
        const sk = JSON.stringify(ss.scope ?? {});
        if (!entry.scopes.has(sk)) entry.scopes.set(sk, { scope: ss.scope, schemaUrl: ss.schemaUrl, [itemKey]: [] });
        entry.scopes.get(sk)[itemKey].push(...(ss[itemKey] ?? []));
      }
    }
  }
  const merged = [...resources.values()].map(({ resource, schemaUrl, scopes }) => ({
    resource,
    ...(schemaUrl ? { schemaUrl } : {}),
    [scopeKey]: [...scopes.values()].map(({ schemaUrl: s, ...rest }) => (s ? { ...rest, schemaUrl: s } : rest)),
  }));
  return merged.length ? { [resKey]: merged } : null;
}

function summarise() {
  for (const r of requests) {
    const items =
      r.signal === "traces"
        ? (r.body.resourceSpans ?? []).flatMap((rs) => (rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? [])).map((s) => s.name)
        : (r.body.resourceLogs ?? [])
            .flatMap((rl) => (rl.scopeLogs ?? []).flatMap((sl) => sl.logRecords ?? []))
            .map((l) => l.eventName || l.attributes?.find((a) => a.key === "event.name")?.value?.stringValue || "log");
    console.error(`[capture] ${r.path} ${r.contentType} auth=${r.authorization ? r.authorization.split(" ")[0] : "none"}: ${items.join(", ")}`);
  }
}

function finish(extra) {
  writeFileSync(outFile, JSON.stringify({ ...extra, requests }, null, 2));
  summarise();
  if (fixtureName) {
    for (const [signal, suffix] of [
      ["traces", ""],
      ["logs", ".logs"],
    ]) {
      const merged = mergeRequests(signal);
      if (merged) writeFileSync(path.join(FIXTURE_DIR, `${fixtureName}${suffix}.json`), JSON.stringify(merged, null, 2) + "\n");
    }
  }
  server.close();
}

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  const baseUrl = `http://127.0.0.1:${port}`;
  if (command.length === 0) {
    console.error(`[capture] listening on ${baseUrl}; Ctrl-C writes ${outFile}`);
    process.on("SIGINT", () => finish({}));
    return;
  }
  const child = spawn(command[0], command.slice(1), {
    env: { HINDSIGHT_API_KEY: "hs_capture_key", ...process.env, HINDSIGHT_URL: baseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.on("exit", (code) => {
    process.stdout.write(stdout);
    // Exporters resolve before the socket is fully drained on our side only in theory; a short grace costs nothing.
    setTimeout(() => {
      finish({ command, exitCode: code, stdout });
      process.exitCode = code ?? 1;
    }, 100);
  });
});
