import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { checkHindsightConnection, registerHindsight, traceLlmCall, traceTool } from "../../../instrumentation/index";
import type { HindsightHandle } from "../../../instrumentation/index";
import { getClosedUrl, startCaptureServer } from "./support/capture-server";
import type { CaptureServer } from "./support/capture-server";

let handle: HindsightHandle | undefined;
let server: CaptureServer | undefined;

afterEach(async () => {
  await handle?.shutdown();
  await server?.close();
  handle = undefined;
  server = undefined;
});

describe("registerHindsight", () => {
  it("sends OTLP protobuf to {endpoint}/v1/traces with the Bearer key and service name", async () => {
    server = await startCaptureServer(200);
    handle = registerHindsight({ endpoint: server.url, apiKey: "hs_test_key", serviceName: "support-bot", headers: { "x-team": "cx" } });
    await traceTool("lookup_order", { orderId: "A-1" }, () => "shipped");
    await handle.forceFlush();

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/traces");
    expect(request?.headers.authorization).toBe("Bearer hs_test_key");
    expect(request?.headers["x-team"]).toBe("cx");
    expect(request?.headers["content-type"]).toBe("application/x-protobuf");
    // Protobuf stores strings as raw UTF-8, so names are visible in the bytes.
    const body = request?.body.toString("utf8") ?? "";
    expect(body).toContain("execute_tool lookup_order");
    expect(body).toContain("support-bot");
    expect(handle.getExportStats()).toMatchObject({ exportedSpans: 1, failedSpans: 0, lastError: undefined });
  });

  it("counts spans the server refuses", async () => {
    server = await startCaptureServer(401);
    handle = registerHindsight({ endpoint: server.url, apiKey: "wrong" });
    await traceTool("a", {}, () => 1);
    await traceTool("b", {}, () => 2);

    await expect(handle.forceFlush()).rejects.toThrow("Unauthorized");
    expect(handle.getExportStats()).toEqual({ exportedSpans: 0, failedSpans: 2, failedExports: 1, lastError: "HTTP 401 Unauthorized" });
  });

  it("refuses a second registration until the first is shut down", async () => {
    const memory = new InMemorySpanExporter();
    handle = registerHindsight({ exporter: memory });
    expect(() => registerHindsight({ exporter: memory })).toThrow(/already active/);
    await handle.shutdown();

    const second = new InMemorySpanExporter();
    handle = registerHindsight({ exporter: second });
    await traceTool("after_restart", {}, () => 1);
    await handle.forceFlush();
    expect(second.getFinishedSpans().map((span) => span.name)).toEqual(["execute_tool after_restart"]);
    expect(memory.getFinishedSpans()).toHaveLength(0);
  });

  it.each([
    { captureContent: true, expectContent: true },
    { captureContent: false, expectContent: false },
  ])("honours captureContent=$captureContent but always records usage", async ({ captureContent, expectContent }) => {
    const memory = new InMemorySpanExporter();
    handle = registerHindsight({ exporter: memory, captureContent });
    await traceLlmCall({ model: "gpt-4o", provider: "openai", messages: "secret prompt" }, () => ({ usage: { inputTokens: 3, outputTokens: 4 } }));
    await traceTool("lookup_order", { card: "4242" }, () => "secret result");
    await handle.forceFlush();

    const [chat, tool] = memory.getFinishedSpans();
    expect(chat?.attributes["gen_ai.usage.input_tokens"]).toBe(3);
    for (const [span, key] of [
      [chat, "gen_ai.input.messages"],
      [tool, "gen_ai.tool.call.arguments"],
      [tool, "gen_ai.tool.call.result"],
    ] as const) {
      expect(span?.attributes[key] !== undefined, key).toBe(expectContent);
    }
    expect(handle.getExportStats().exportedSpans).toBe(2);
  });
});

describe("checkHindsightConnection", () => {
  it.each([
    { status: 200, expected: { ok: true, status: 200 } },
    { status: 401, expected: { ok: false, reason: "unauthorized", status: 401 } },
    { status: 500, expected: { ok: false, reason: "http_error", status: 500 } },
  ])("reports HTTP $status", async ({ status, expected }) => {
    server = await startCaptureServer(status);
    const result = await checkHindsightConnection({ endpoint: server.url, apiKey: "hs_k" }, {});

    expect(result).toMatchObject({ ...expected, url: `${server.url}/v1/traces` });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer hs_k");
    expect(server.requests[0]?.body.length).toBe(0);
  });

  it("reports an unreachable server without throwing", async () => {
    const url = await getClosedUrl();
    const result = await checkHindsightConnection({ endpoint: url }, {});
    expect(result).toMatchObject({ ok: false, reason: "unreachable", url: `${url}/v1/traces` });
    expect(result.ok ? "" : result.message).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it("reports an invalid URL without throwing", async () => {
    const result = await checkHindsightConnection({ endpoint: "localhost:3000" }, {});
    expect(result).toMatchObject({ ok: false, reason: "unreachable" });
    expect(result.ok ? "" : result.message).toContain("not a valid http(s) URL");
  });
});
