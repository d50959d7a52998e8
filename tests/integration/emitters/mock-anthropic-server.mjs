// A deterministic stand-in for the Anthropic Messages API (`POST /v1/messages`), on an ephemeral 127.0.0.1
// port, so the real `@anthropic-ai/sdk` and the instrumentations around it run end to end without a network.
//
// When the request offers tools and no tool of them has been called yet in the conversation, the answer is a
// `tool_use` block for the first such tool (input from `toolArgs[name]`); otherwise a text answer. Usage is
// fixed per answer type and shaped like the real API's: `input_tokens` EXCLUDES the cached parts, which come
// as `cache_creation_input_tokens` (written) and `cache_read_input_tokens` (read). The first answer writes the
// prompt cache, the second reads it, as a real tool loop with a cached system prompt does.
import http from "node:http";

/** What the mock answers; exported so emitters can state the facts their test should assert. */
export const MOCK_ANTHROPIC_USAGE = {
  toolUse: { input_tokens: 42, cache_creation_input_tokens: 1500, cache_read_input_tokens: 0, output_tokens: 38 },
  text: { input_tokens: 95, cache_creation_input_tokens: 0, cache_read_input_tokens: 1500, output_tokens: 61 },
};

/** Dated snapshot the API answers with for an alias, as the real one does. */
export const ANTHROPIC_SNAPSHOTS = { "claude-sonnet-4-5": "claude-sonnet-4-5-20250929", "claude-haiku-4-5": "claude-haiku-4-5-20251001" };

function usageOf(usage) {
  return {
    ...usage,
    cache_creation: { ephemeral_5m_input_tokens: usage.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 },
    service_tier: "standard",
  };
}

const calledToolNames = (messages) =>
  new Set(messages.flatMap((m) => (Array.isArray(m.content) ? m.content.filter((b) => b.type === "tool_use").map((b) => b.name) : [])));

function lastToolResultText(messages) {
  for (const message of [...messages].reverse()) {
    if (!Array.isArray(message.content)) continue;
    const result = message.content.find((b) => b.type === "tool_result");
    if (!result) continue;
    return typeof result.content === "string" ? result.content : (result.content ?? []).map((b) => b.text ?? "").join("");
  }
  return null;
}

function message(body, n, toolArgs) {
  const model = ANTHROPIC_SNAPSHOTS[body.model] ?? body.model;
  const base = { id: `msg_mock_${n}`, type: "message", role: "assistant", model, stop_sequence: null };
  const messages = body.messages ?? [];
  const called = calledToolNames(messages);
  const tool = (body.tools ?? []).find((t) => !called.has(t.name));
  if (tool) {
    const block = { type: "tool_use", id: `toolu_mock_${tool.name}_${n}`, name: tool.name, input: toolArgs[tool.name] ?? {} };
    return { ...base, content: [{ type: "text", text: "Let me look that up." }, block], stop_reason: "tool_use", usage: usageOf(MOCK_ANTHROPIC_USAGE.toolUse) };
  }
  const result = lastToolResultText(messages);
  const text = result ? `According to the tool, ${result}.` : "Hello from the mock model.";
  return { ...base, content: [{ type: "text", text }], stop_reason: "end_turn", usage: usageOf(MOCK_ANTHROPIC_USAGE.text) };
}

/**
 * Starts the mock. `toolArgs` maps a tool name to the input the model "chooses".
 * @returns {Promise<{ baseURL: string, requests: object[], close: () => Promise<void> }>}
 */
export async function startMockAnthropic({ toolArgs = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const send = (status, payload) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_mock_${requests.length}` });
        res.end(JSON.stringify(payload));
      };
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        return send(400, { type: "error", error: { type: "invalid_request_error", message: "invalid JSON" } });
      }
      requests.push({ method: req.method, path: req.url, body });
      const path = (req.url ?? "").split("?")[0];
      if (req.method === "POST" && path === "/v1/messages") {
        if (body.stream) return send(400, { type: "error", error: { type: "invalid_request_error", message: "the mock does not stream" } });
        return send(200, message(body, requests.length, toolArgs));
      }
      send(404, { type: "error", error: { type: "not_found_error", message: `no mock for ${req.method} ${req.url}` } });
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
