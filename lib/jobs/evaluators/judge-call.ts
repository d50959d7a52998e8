import "server-only";
// One LLM judge call: the prompt sent to the OpenAI-compatible chat completions API at
// HINDSIGHT_JUDGE_BASE_URL, the answer read back into a label or a number (lib/quality/judge-config.ts).
// Every way it can fail (no endpoint configured, a timeout, an HTTP error, an answer that is not one of
// the labels or not a number in range) is an outcome, never an exception, so the caller records it on the
// evaluator and moves on.
import { getEnv } from "@/lib/env";
import { answerInstructions, parseJudgeAnswer, type JudgeConfig } from "@/lib/quality/judge-config";

export type JudgeUsage = { inputTokens: number | null; outputTokens: number | null };

export type JudgeCall = {
  startMs: number;
  endMs: number;
  prompt: string;
  /** The answer's text, when one came back. */
  answer: string | null;
  responseModel: string | null;
  usage: JudgeUsage;
  outcome: { ok: true; value: number | null; label: string | null; explanation: string | null } | { ok: false; error: string };
};

const int = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v) : null);

export async function callJudge(judge: JudgeConfig, prompt: string): Promise<JudgeCall> {
  const env = getEnv();
  const startMs = Date.now();
  const call: JudgeCall = {
    startMs,
    endMs: startMs,
    prompt,
    answer: null,
    responseModel: null,
    usage: { inputTokens: null, outputTokens: null },
    outcome: { ok: false, error: "" },
  };
  const fail = (error: string): JudgeCall => ({ ...call, endMs: Date.now(), outcome: { ok: false, error } });
  const base = env.HINDSIGHT_JUDGE_BASE_URL;
  if (!base) return fail("HINDSIGHT_JUDGE_BASE_URL is not set: LLM judges have no endpoint");
  let response: Response;
  try {
    response = await fetch(`${base.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(env.HINDSIGHT_JUDGE_API_KEY ? { authorization: `Bearer ${env.HINDSIGHT_JUDGE_API_KEY}` } : {}) },
      body: JSON.stringify({ model: judge.model, temperature: 0, messages: [{ role: "user", content: `${prompt}\n\n${answerInstructions(judge)}` }] }),
      signal: AbortSignal.timeout(env.HINDSIGHT_JUDGE_TIMEOUT_MS),
      redirect: "error",
    });
  } catch (error) {
    const name = (error as Error).name;
    return fail(
      name === "TimeoutError" || name === "AbortError"
        ? `the judge did not answer within ${env.HINDSIGHT_JUDGE_TIMEOUT_MS} ms`
        : `the judge could not be reached: ${(error as Error).message}`,
    );
  }
  const text = await response.text().catch(() => "");
  if (!response.ok) return fail(`the judge answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  let body: { model?: unknown; choices?: { message?: { content?: unknown } }[]; usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return fail(`the judge's answer is not JSON: ${text.slice(0, 300)}`);
  }
  const answer = body.choices?.[0]?.message?.content;
  const done: JudgeCall = {
    ...call,
    endMs: Date.now(),
    answer: typeof answer === "string" ? answer : null,
    responseModel: typeof body.model === "string" ? body.model : null,
    usage: { inputTokens: int(body.usage?.prompt_tokens), outputTokens: int(body.usage?.completion_tokens) },
  };
  if (typeof answer !== "string") return { ...done, outcome: { ok: false, error: "the judge's answer has no message content" } };
  const verdict = parseJudgeAnswer(judge, answer);
  return { ...done, outcome: verdict.ok ? verdict : { ok: false, error: verdict.reason } };
}
