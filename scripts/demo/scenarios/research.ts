/**
 * A research assistant (Claude Sonnet plans, Haiku summarises). Variants:
 *   normal — one search, two pages fetched in parallel from a "browser" MCP
 *            server, a summary;
 *   loop   — the agent keeps calling web_search with the same query (12–16
 *            times in a row) and either gives up or hits the turn cap: the
 *            tool loop retro analysis flags, with its wasted time and cost;
 *   rate_limited — Anthropic answers 429: the summary succeeds on its retry,
 *            the citation call fails three times in a row and the run gives
 *            up (failure mode provider_rate_limit; the retried summary is not
 *            the failure; the three identical attempts are a repeated call).
 */
import { traceAgent } from "../../../instrumentation/index";
import type { InputMessage, McpServer } from "../../../instrumentation/index";
import { runInParallel } from "../clock";
import { asHistory, assistantCalls, assistantSays, createToolCall, runTool, toolReturns, userSays } from "../conversation";
import { callModel } from "../fake-model";
import { SimulatedFailure } from "../scenario-context";
import type { ScenarioContext } from "../scenario-context";

/** What agent frameworks raise when the turn budget runs out. */
export class MaxTurnsExceededError extends SimulatedFailure {
  override name = "MaxTurnsExceededError";
}

const RESEARCH_SYSTEM = "You are a research assistant. Search the web, read primary sources, cite them. Stop searching once you have enough.";
const MAX_TURNS = 16;
const BROWSER: McpServer = { name: "browser", transport: "pipe", protocolVersion: "2025-06-18" };

const TOPICS = [
  { question: "What fines can the EU AI Act impose on general-purpose AI providers?", query: "EU AI Act fines general-purpose AI providers" },
  { question: "How do the new FAA drone remote ID rules affect hobbyists?", query: "FAA remote ID rules hobbyist drones" },
  { question: "Summarise recent results on solid-state battery energy density.", query: "solid-state battery energy density 2025 results" },
] as const;

/** What the Anthropic SDK throws on HTTP 429 (its error body names the type). */
class RateLimitError extends SimulatedFailure {
  override name = "RateLimitError";
}
const rateLimited = () =>
  new RateLimitError('429 {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}');
/** The SDK's retry back-off between attempts. */
const BACKOFF_MS = [1000, 2000, 4000];

/** Runs one research task as its own trace. */
export async function runResearch(ctx: ScenarioContext): Promise<void> {
  const topic = ctx.rng.pick(TOPICS);
  await traceAgent("research-assistant", { input: topic.question, version: "2.1.0", clock: ctx.clock.now }, async (agent) => {
    ctx.recordTrace(agent.traceId);
    const messages = [userSays(topic.question)];
    const searchOnce = async (query: string) => {
      const call = createToolCall(ctx, "web_search", { query, maxResults: 5 });
      messages.push(
        asHistory(await callModel(ctx, { model: "claude-sonnet-4", system: RESEARCH_SYSTEM, messages, reply: assistantCalls([call]), contextTokens: 2300 })),
      );
      const results = [1, 2, 3].map((rank) => ({ rank, url: `https://news.example.org/${ctx.rng.hex(8)}`, title: `${topic.query} — report ${rank}` }));
      messages.push(toolReturns(call, await runTool(ctx, call, () => results, { latencyMs: [400, 1600] })));
      return results;
    };

    if (ctx.plan.variant === "loop") {
      const searches = ctx.rng.int(12, MAX_TURNS);
      // Stuck on one idea: the same search, word for word, turn after turn.
      for (let turn = 0; turn < searches; turn += 1) await searchOnce(topic.query);
      if (searches === MAX_TURNS) {
        throw new MaxTurnsExceededError(`Max turns (${MAX_TURNS}) exceeded`);
      }
      const reply = assistantSays("I could not find a definitive answer; the sources I found repeat the same headline figures.");
      await callModel(ctx, { model: "claude-sonnet-4", system: RESEARCH_SYSTEM, messages, reply, contextTokens: 2300 });
      agent.setOutput([reply]);
      return;
    }

    if (ctx.plan.variant === "rate_limited") return runRateLimited(ctx, messages, searchOnce, topic.query);

    const [first, second] = await searchOnce(topic.query);
    const pages = [first, second].flatMap((hit) => (hit ? [createToolCall(ctx, "fetch_page", { url: hit.url })] : []));
    messages.push(
      asHistory(await callModel(ctx, { model: "claude-sonnet-4", system: RESEARCH_SYSTEM, messages, reply: assistantCalls(pages), contextTokens: 2300 })),
    );
    const texts = await runInParallel(
      ctx.clock,
      pages.map(
        (call) => (branch) =>
          runTool(ctx, call, () => ({ content: [{ type: "text", text: `Article body about ${topic.query}…` }] }), {
            latencyMs: [300, 2500],
            clock: branch,
            mcp: BROWSER,
          }),
      ),
    );
    pages.forEach((call, index) => messages.push(toolReturns(call, texts[index])));
    const summary = assistantSays(`Key findings on "${topic.query}": the two primary sources agree on the main figures; see the cited articles.`);
    await callModel(ctx, {
      model: "claude-3-5-haiku",
      system: "Summarise the sources for the user in three sentences.",
      messages,
      reply: summary,
      contextTokens: 200,
    });
    agent.setOutput([summary]);
  });
}

/** A search, a summary whose first attempt is rate-limited (its retry works), then a citation call the provider keeps refusing. */
async function runRateLimited(ctx: ScenarioContext, messages: InputMessage[], searchOnce: (query: string) => Promise<unknown>, query: string): Promise<void> {
  await searchOnce(query);
  const summary = {
    model: "claude-sonnet-4" as const,
    system: RESEARCH_SYSTEM,
    messages,
    reply: assistantSays("Summary of the sources."),
    contextTokens: 2300,
  };
  await callModel(ctx, { ...summary, error: rateLimited(), failAfterMs: 180 }).catch(() => ctx.clock.advance(BACKOFF_MS[0]!));
  messages.push(asHistory(await callModel(ctx, summary)), userSays("Add citations for every figure."));
  const cite = { ...summary, reply: assistantSays("Citations: …"), error: rateLimited(), failAfterMs: 150 };
  for (const backoff of BACKOFF_MS) await callModel(ctx, cite).catch(() => ctx.clock.advance(backoff));
  throw rateLimited();
}
