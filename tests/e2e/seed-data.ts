// The data the browser tests read: one agent run with an LLM chat, parallel tool calls (one failing, one
// returning an XSS payload), two more turns of the same session, and an unrelated batch trace.
import { randomUUID } from "node:crypto";
import type { Span } from "@opentelemetry/api";
import { createSeedTracer, type SeedTarget } from "./otlp-seed";

export const XSS_SCRIPT = "<script>window.__pwned=1</script>";
export const XSS_IMG = `<img src=x onerror="window.__pwned=1">`;

// A tag per test run, so the suite can also run repeatedly against one long-lived local server. Set in
// the global-setup process and inherited by the workers, so both see the same names.
const RUN = (process.env.HINDSIGHT_E2E_RUN ??= randomUUID().slice(0, 6));

export const SEED = {
  run: RUN,
  /** Full-text query matching this run's weather traces but not its batch trace. */
  weatherQuery: `${RUN} weather`,
  sessionId: `e2e-session-${RUN}`,
  userId: "e2e-user-7",
  runName: `e2e ${RUN} weather run`,
  followUpName: `e2e ${RUN} weather follow-up`,
  batchName: `e2e ${RUN} nightly report`,
  /** Spans of the main run, as shown in its tree. */
  runSpanNames: [`e2e ${RUN} weather run`, "chat gpt-4o", "execute_tool get_weather", "execute_tool send_email", `format ${XSS_IMG}`, "chat gpt-4o"],
  emailError: "SMTP connection refused: mail.example.invalid:25",
} as const;

export type SeedResult = { runTraceId: string; batchTraceId: string; followUpTraceIds: string[] };

const messages = (value: unknown) => JSON.stringify(value);

function llmAttributes(input: unknown, output: unknown, tokens: [number, number]) {
  return {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.response.model": "gpt-4o-2024-08-06",
    "gen_ai.request.temperature": 0.2,
    "gen_ai.usage.input_tokens": tokens[0],
    "gen_ai.usage.output_tokens": tokens[1],
    "gen_ai.input.messages": messages(input),
    "gen_ai.output.messages": messages(output),
  };
}

/** Sends the seed data and returns the ids the tests navigate to. */
export async function seedExplorerData(target: SeedTarget, nowMs = Date.now()): Promise<SeedResult> {
  const agent = createSeedTracer(target, "e2e-weather-agent");
  const session = { "session.id": SEED.sessionId, "user.id": SEED.userId };
  const t0 = nowMs - 10 * 60_000;

  const root = agent.emit({
    name: SEED.runName,
    startMs: t0,
    endMs: t0 + 4000,
    attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "weather-agent", ...session },
  });
  const system = { role: "system", parts: [{ type: "text", content: "You are a weather assistant. Use tools." }] };
  const user = { role: "user", parts: [{ type: "text", content: "What's the weather in Paris? Email it to me." }] };
  const toolCalls = {
    role: "assistant",
    parts: [
      { type: "tool_call", id: "call_weather_1", name: "get_weather", arguments: { city: "Paris", units: "metric" } },
      { type: "tool_call", id: "call_email_1", name: "send_email", arguments: { to: "user@example.com" } },
    ],
    finish_reason: "tool_call",
  };
  agent.emit({ name: "chat gpt-4o", startMs: t0 + 100, endMs: t0 + 1100, attributes: llmAttributes([system, user], [toolCalls], [150, 40]) }, root);
  const weatherResult = JSON.stringify({ forecast: `Sunny, 21 °C ${XSS_SCRIPT}`, note: XSS_IMG });
  agent.emit(
    {
      name: "execute_tool get_weather",
      startMs: t0 + 1200,
      endMs: t0 + 1700,
      attributes: {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "get_weather",
        "gen_ai.tool.call.id": "call_weather_1",
        "gen_ai.tool.call.arguments": JSON.stringify({ city: "Paris", units: "metric" }),
        "gen_ai.tool.call.result": weatherResult,
      },
    },
    root,
  );
  agent.emit(
    {
      name: "execute_tool send_email",
      startMs: t0 + 1201, // parallel with get_weather; 1 ms later so the tree order is fixed
      endMs: t0 + 2200,
      attributes: {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "send_email",
        "gen_ai.tool.call.id": "call_email_1",
        "gen_ai.tool.call.arguments": JSON.stringify({ to: "user@example.com" }),
      },
      error: { message: SEED.emailError, exception: new Error(SEED.emailError) },
    },
    root,
  );
  agent.emit({ name: `format ${XSS_IMG}`, startMs: t0 + 2210, endMs: t0 + 2250, attributes: { "input.value": XSS_SCRIPT } }, root);
  const toolReplies = [
    { role: "tool", parts: [{ type: "tool_call_response", id: "call_weather_1", response: weatherResult }] },
    { role: "tool", parts: [{ type: "tool_call_response", id: "call_email_1", response: `error: ${SEED.emailError}` }] },
  ];
  const answer = { role: "assistant", parts: [{ type: "text", content: "It is sunny in Paris (21 °C). I could not send the email." }], finish_reason: "stop" };
  agent.emit(
    { name: "chat gpt-4o", startMs: t0 + 2300, endMs: t0 + 3900, attributes: llmAttributes([system, user, toolCalls, ...toolReplies], [answer], [420, 25]) },
    root,
  );

  const followUps: Span[] = [];
  for (const [i, question] of ["And tomorrow?", "Thanks!"].entries()) {
    const start = t0 + (i + 1) * 2 * 60_000;
    const turn = agent.emit({
      name: SEED.followUpName,
      startMs: start,
      endMs: start + 900,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "weather-agent", ...session },
    });
    const q = { role: "user", parts: [{ type: "text", content: question }] };
    const a = { role: "assistant", parts: [{ type: "text", content: "Happy to help." }], finish_reason: "stop" };
    agent.emit({ name: "chat gpt-4o", startMs: start + 50, endMs: start + 850, attributes: llmAttributes([q], [a], [60, 8]) }, turn);
    followUps.push(turn);
  }
  await agent.flush();

  const batch = createSeedTracer(target, "e2e-batch");
  const report = batch.emit({ name: SEED.batchName, startMs: t0 - 60_000, endMs: t0 - 58_000 });
  batch.emit(
    { name: "summarise", startMs: t0 - 59_900, endMs: t0 - 58_100, attributes: llmAttributes("Summarise today's tickets.", "Nothing unusual.", [30, 5]) },
    report,
  );
  await batch.flush();

  return {
    runTraceId: root.spanContext().traceId,
    batchTraceId: report.spanContext().traceId,
    followUpTraceIds: followUps.map((s) => s.spanContext().traceId),
  };
}
