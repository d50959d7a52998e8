// A local imitation of an OpenAI-compatible chat completions API for the LLM judge tests, on an ephemeral
// 127.0.0.1 port, started once for the shared servers (global-setup.ts). It answers from what the prompt
// holds, so each test picks the judge's behaviour through the output of the runs it sends:
//   JUDGE-500 → HTTP 500;  JUDGE-GARBAGE → an answer that is neither label nor number;
//   a numeric judge: JUDGE-SCORE-<n> → {"score": n}, else 0;  a labelling one: JUDGE-GOOD → "good", else "bad".
// Usage is fixed (JUDGE_USAGE), so the call's price is known.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const JUDGE_USAGE = { prompt_tokens: 1000, completion_tokens: 100 };

function answerFor(prompt: string): { status: number; content?: string } {
  if (prompt.includes("JUDGE-500")) return { status: 500 };
  if (prompt.includes("JUDGE-GARBAGE")) return { status: 200, content: "I would rather not say." };
  // A numeric judge's instructions ask for {"score": …}; a labelling judge's for {"label": …}.
  if (prompt.includes('{"score":')) {
    const score = /JUDGE-SCORE-(\d+(?:\.\d+)?)/.exec(prompt)?.[1] ?? "0";
    return { status: 200, content: `{"score": ${score}, "explanation": "as told"}` };
  }
  if (prompt.includes("JUDGE-GOOD")) return { status: 200, content: '{"label": "good", "explanation": "says what was asked"}' };
  return { status: 200, content: '{"label": "bad", "explanation": "misses the point"}' };
}

export async function startJudgeMock(): Promise<{ baseURL: string; close: () => Promise<void> }> {
  let n = 0;
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      n++;
      let parsed: { model?: string; messages?: { content?: string }[] } = {};
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        response.writeHead(400).end();
        return;
      }
      const prompt = (parsed.messages ?? []).map((m) => m.content ?? "").join("\n");
      const answer = answerFor(prompt);
      if (answer.status !== 200) {
        response.writeHead(answer.status, { "content-type": "application/json" }).end('{"error":{"message":"mock failure"}}');
        return;
      }
      const usage = { ...JUDGE_USAGE, total_tokens: JUDGE_USAGE.prompt_tokens + JUDGE_USAGE.completion_tokens };
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: `chatcmpl-judge-${n}`,
          object: "chat.completion",
          created: 1_763_700_000 + n,
          model: parsed.model ?? "gpt-4o-mini",
          choices: [{ index: 0, message: { role: "assistant", content: answer.content }, finish_reason: "stop" }],
          usage,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/v1`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
