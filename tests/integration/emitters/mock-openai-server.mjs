// A deterministic stand-in for the OpenAI HTTP API (chat completions and embeddings), on an ephemeral
// 127.0.0.1 port, so the real `openai` SDK and its instrumentations run end to end without a network.
//
// Chat: when the request offers tools and holds no tool result yet, the answer is a call of the first
// tool (arguments from `toolArgs[name]`); otherwise a text answer. Usage is fixed per answer type and
// reports cached prompt tokens, like the real API does (prompt_tokens includes the cached ones).
import http from "node:http";

/** What the mock answers; exported so emitters can state the facts their test should assert. */
export const MOCK_USAGE = {
  toolCall: { prompt_tokens: 120, completion_tokens: 18, cached_tokens: 64 },
  text: { prompt_tokens: 180, completion_tokens: 42, cached_tokens: 128 },
  embedding: { prompt_tokens: 9 },
};

/** Dated snapshot the API answers with, as the real one does for an alias. */
const SNAPSHOTS = { "gpt-4o-mini": "gpt-4o-mini-2024-07-18", "gpt-4o": "gpt-4o-2024-08-06" };

function usageOf({ prompt_tokens, completion_tokens, cached_tokens }) {
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    prompt_tokens_details: { cached_tokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function chatCompletion(body, n, toolArgs) {
  const model = SNAPSHOTS[body.model] ?? body.model;
  const base = { id: `chatcmpl-mock-${n}`, object: "chat.completion", created: 1_763_700_000 + n, model, system_fingerprint: "fp_mock" };
  const messages = body.messages ?? [];
  const tool = body.tools?.[0]?.function;
  if (tool && !messages.some((m) => m.role === "tool")) {
    const call = { id: `call_${tool.name}_${n}`, type: "function", function: { name: tool.name, arguments: JSON.stringify(toolArgs[tool.name] ?? {}) } };
    return {
      ...base,
      choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [call], refusal: null }, finish_reason: "tool_calls", logprobs: null }],
      usage: usageOf(MOCK_USAGE.toolCall),
    };
  }
  const toolResult = [...messages].reverse().find((m) => m.role === "tool")?.content;
  const content = toolResult ? `Based on ${toolResult}, the order ships tomorrow.` : "Hello from the mock model.";
  return {
    ...base,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
    usage: usageOf(MOCK_USAGE.text),
  };
}

function embeddings(body) {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const data = inputs.map((_, index) => {
    const vector = Float32Array.from({ length: 8 }, (_, i) => (index + 1) * 0.01 * (i + 1));
    // The v5+ SDK asks for base64 by default and decodes it itself.
    const embedding = body.encoding_format === "base64" ? Buffer.from(vector.buffer).toString("base64") : [...vector];
    return { object: "embedding", index, embedding };
  });
  const { prompt_tokens } = MOCK_USAGE.embedding;
  return { object: "list", data, model: body.model, usage: { prompt_tokens, total_tokens: prompt_tokens } };
}

/**
 * Starts the mock. `toolArgs` maps a tool name to the arguments the model "chooses".
 * @returns {Promise<{ baseURL: string, requests: object[], close: () => Promise<void> }>}
 */
export async function startMockOpenAI({ toolArgs = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const send = (status, payload) => {
        res.writeHead(status, { "content-type": "application/json", "x-request-id": `req_mock_${requests.length}` });
        res.end(JSON.stringify(payload));
      };
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        return send(400, { error: { message: "invalid JSON", type: "invalid_request_error" } });
      }
      requests.push({ method: req.method, path: req.url, body });
      if (req.method === "POST" && req.url === "/v1/chat/completions") {
        if (body.stream) return send(400, { error: { message: "the mock does not stream", type: "invalid_request_error" } });
        return send(200, chatCompletion(body, requests.length, toolArgs));
      }
      if (req.method === "POST" && req.url === "/v1/embeddings") return send(200, embeddings(body));
      send(404, { error: { message: `no mock for ${req.method} ${req.url}`, type: "invalid_request_error" } });
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the SDK keeps connections alive
      }),
  };
}
