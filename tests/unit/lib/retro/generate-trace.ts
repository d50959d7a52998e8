// A large, realistic agent run for the retro benchmark and its sanity test: a research agent doing steps
// of an LLM call followed by tool calls (some in parallel), a summariser sub-agent every 10 steps, a
// rate-limited LLM call retried successfully every 25 steps, an approval every 100 steps, and planted
// findings: a lookup_order loop (4 identical calls) every 50 steps and a triage ↔ billing hand-off cycle
// every 200 steps. Variant "b" is a different run of the same task: a cheaper model on every 5th step, a
// verify tool added every 13 steps, every 17th tool call dropped, and slower tools.
import type { RetroSpan } from "@/lib/retro/types";
import { agent, llm, span, tool } from "./make-retro-span";

export type GeneratedTrace = { spans: RetroSpan[]; plantedToolLoops: number; plantedCycles: number };

const TOOLS = ["search_web", "fetch_page", "read_file", "query_db"];
const SYSTEM_PROMPT = "You are a careful research assistant. ".repeat(12);

export function generateAgentTrace(targetSpans: number, variant: "a" | "b" = "a"): GeneratedTrace {
  const spans: RetroSpan[] = [];
  let nextId = 0;
  const id = () => (nextId++).toString(16).padStart(16, "0");
  const attributes = (extra: Record<string, unknown>) => ({
    "service.name": "research-bot",
    "gen_ai.provider.name": "openai",
    "deployment.environment": "production",
    "thread.id": 1,
    ...extra,
  });
  const rootId = id();
  spans.push(agent(rootId, null, 0, 0, "research-assistant", { attributes: attributes({ "gen_ai.operation.name": "invoke_agent" }) }));
  let plantedToolLoops = 0;
  let plantedCycles = 0;
  let t = 0;
  let toolCounter = 0;
  for (let step = 0; spans.length < targetSpans; step++) {
    const stepId = id();
    const stepStart = t;
    const model = variant === "b" && step % 5 === 0 ? "gpt-4o-mini" : "gpt-4o";
    const messages = [
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: `Research topic ${step % 97}: what changed in the market this quarter?` },
      {
        role: "assistant",
        content: "",
        tool_calls: [{ id: `call_${step}`, type: "function", function: { name: "search_web", arguments: `{"query": "topic ${step}"}` } }],
      },
      { role: "tool", tool_call_id: `call_${step}`, content: `Result ${step}: `.padEnd(300, "x") },
    ];
    const llmAttrs = attributes({ "gen_ai.operation.name": "chat", "gen_ai.request.model": model, "gen_ai.response.finish_reasons": ["tool_calls"] });
    if (step % 25 === 24) {
      const failed = { status: "error" as const, statusMessage: "Rate limit reached for gpt-4o", attributes: { ...llmAttrs, "error.type": "RateLimitError" } };
      spans.push(llm(id(), stepId, t, 40, { name: `chat ${model}`, model, input: messages, costUsd: null, inputTokens: null, outputTokens: null, ...failed }));
      t += 60;
    }
    spans.push(
      llm(id(), stepId, t, 400, {
        name: `chat ${model}`,
        model,
        input: messages,
        output: { role: "assistant", content: `Plan ${step}` },
        attributes: llmAttrs,
      }),
    );
    t += 410;
    const calls = 1 + (step % 3);
    let callsEnd = t;
    for (let c = 0; c < calls; c++) {
      toolCounter++;
      if (variant === "b" && toolCounter % 17 === 0) continue;
      const name = TOOLS[(step + c) % TOOLS.length]!;
      const duration = (variant === "b" ? 1.1 : 1) * (50 + ((step * 7 + c * 13) % 200));
      spans.push(tool(id(), stepId, t, duration, name, { query: `topic ${step} part ${c}`, limit: 5 }, { output: { hits: 3 }, attributes: attributes({}) }));
      callsEnd = Math.max(callsEnd, t + duration);
    }
    t = callsEnd + 5;
    if (variant === "b" && step % 13 === 0) {
      spans.push(tool(id(), stepId, t, 30, "verify", { step }, { attributes: attributes({}) }));
      t += 35;
    }
    if (step % 50 === 49) {
      plantedToolLoops++;
      for (let k = 0; k < 4; k++) {
        spans.push(
          llm(id(), stepId, t, 200, { name: `chat ${model}`, model, input: [...messages, { role: "user", content: `retry ${k}` }], attributes: llmAttrs }),
        );
        spans.push(tool(id(), stepId, t + 210, 40, "lookup_order", { orderId: `A-${step}` }, { attributes: attributes({}) }));
        t += 260;
      }
    }
    if (step % 10 === 9) {
      const subId = id();
      spans.push(
        llm(id(), subId, t + 5, 300, { name: `chat ${model}`, model, input: [{ role: "user", content: `Summarise step ${step}` }], attributes: llmAttrs }),
      );
      spans.push(agent(subId, stepId, t, 320, "summariser", { attributes: attributes({}) }));
      t += 325;
    }
    if (step % 100 === 99) {
      spans.push(
        span(id(), stepId, t, 2000, {
          name: "approval publish",
          attributes: { "hindsight.approval.decision": "approved", "hindsight.approval.action": "publish" },
        }),
      );
      t += 2005;
    }
    if (step % 200 === 199) {
      plantedCycles++;
      for (const name of ["triage", "billing", "triage", "billing"]) {
        spans.push(agent(id(), stepId, t, 100, name, { attributes: attributes({}) }));
        t += 105;
      }
    }
    spans.push(
      span(stepId, rootId, stepStart, t - stepStart, {
        kind: "chain",
        name: `step ${step % 10}`,
        attributes: attributes({ "gen_ai.operation.name": "agent_step" }),
      }),
    );
    t += 10;
  }
  const root = spans[0]!;
  spans[0] = { ...root, endNs: root.startNs + BigInt(Math.round(t * 1e6)), durationMs: t };
  return { spans, plantedToolLoops, plantedCycles };
}
