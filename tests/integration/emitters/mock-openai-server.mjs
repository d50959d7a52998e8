// A deterministic stand-in for the OpenAI HTTP API (chat completions and embeddings), on an ephemeral
// 127.0.0.1 port, so the real `openai` SDK and its instrumentations run end to end without a network.
//
// Chat: when the request offers a tool that the conversation has not called yet, the answer is a call of
// the first such tool (arguments from `toolArgs[name]`); otherwise a text answer. Usage is fixed per answer type and
// reports cached prompt tokens, like the real API does (prompt_tokens includes the cached ones). Streamed
// requests get the same answer as server-sent chunks (usage last, when `stream_options.include_usage`).
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
  const called = new Set(messages.flatMap((m) => (m.tool_calls ?? []).map((call) => call.function?.name)));
  const tool = body.tools?.map((t) => t.function).find((fn) => fn && !called.has(fn.name));
  if (tool) {
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

/** A completion as the streamed chunks the API sends: role, content or tool calls, finish, then usage when asked for. */
function toChunks(completion, includeUsage) {
  const { usage, choices, ...base } = completion;
  const { message, finish_reason } = choices[0];
  const chunk = (delta, finish = null) => ({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] });
  const chunks = [chunk({ role: "assistant", content: "", refusal: null })];
  if (message.content) chunks.push(chunk({ content: message.content }));
  (message.tool_calls ?? []).forEach((call, index) => chunks.push(chunk({ tool_calls: [{ index, ...call }] })));
  chunks.push(chunk({}, finish_reason));
  if (includeUsage) chunks.push({ ...base, object: "chat.completion.chunk", choices: [], usage });
  return chunks;
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
        const completion = chatCompletion(body, requests.length, toolArgs);
        if (!body.stream) return send(200, completion);
        res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": `req_mock_${requests.length}` });
        for (const chunk of toChunks(completion, body.stream_options?.include_usage === true)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
        return res.end("data: [DONE]\n\n");
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
