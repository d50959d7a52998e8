/**
 * An analytics copilot on Gemini 2.5 Flash that queries a warehouse through a
 * Postgres MCP server. Variants:
 *   report    — list tables, query, render a chart;
 *   sql_retry — the first query fails inside the MCP result (isError, no
 *               exception), the model fixes the SQL and retries.
 */
import { traceAgent } from "../../../instrumentation/index";
import type { McpServer } from "../../../instrumentation/index";
import { asHistory, assistantCalls, assistantSays, createToolCall, runTool, toolReturns, userSays } from "../conversation";
import type { ToolCall } from "../conversation";
import { callModel } from "../fake-model";
import type { ScenarioContext } from "../scenario-context";

const ANALYST_SYSTEM = "You are a data analyst. Use the warehouse tools; show SQL you ran; prefer charts for trends.";
const WAREHOUSE: McpServer = { name: "postgres-warehouse", address: "mcp.internal", port: 8931, transport: "tcp", protocolVersion: "2025-06-18" };

const QUESTIONS = [
  "Weekly revenue by region for the last quarter?",
  "Which products had the highest return rate in March?",
  "How many active customers did we have per month this year?",
];

/** Runs one analytics question as its own trace. */
export async function runDataAnalyst(ctx: ScenarioContext): Promise<void> {
  const question = ctx.rng.pick(QUESTIONS);
  await traceAgent("analytics-copilot", { input: question, conversationId: ctx.plan.sessionId, clock: ctx.clock.now }, async (agent) => {
    ctx.recordTrace(agent.traceId);
    const messages = [userSays(question)];
    const step = async (call: ToolCall, produce: () => unknown, onMcp = true) => {
      messages.push(
        asHistory(await callModel(ctx, { model: "gemini-2.5-flash", system: ANALYST_SYSTEM, messages, reply: assistantCalls([call]), contextTokens: 1200 })),
      );
      const result = await runTool(ctx, call, produce, { latencyMs: [80, 2400], ...(onMcp ? { mcp: WAREHOUSE } : {}) });
      messages.push(toolReturns(call, result));
    };

    await step(createToolCall(ctx, "list_tables", { schema: "analytics" }), () => ({
      content: [{ type: "text", text: "orders, order_items, customers, returns, regions" }],
    }));
    if (ctx.plan.variant === "sql_retry") {
      const broken = createToolCall(ctx, "query", { sql: "SELECT region, SUM(revenue) FROM orders GROUP BY 1" });
      await step(broken, () => ({ isError: true, content: [{ type: "text", text: 'ERROR: column "revenue" does not exist' }] }));
    }
    const rows = Array.from({ length: 4 }, (_, index) => ({ bucket: `W${index + 1}`, value: ctx.rng.int(12_000, 95_000) }));
    await step(
      createToolCall(ctx, "query", { sql: "SELECT date_trunc('week', created_at) AS bucket, SUM(total) AS value FROM orders GROUP BY 1 ORDER BY 1" }),
      () => ({ content: [{ type: "text", text: JSON.stringify(rows) }] }),
    );
    await step(
      createToolCall(ctx, "render_chart", { kind: "line", series: rows }),
      () => ({ chartUrl: `https://charts.example.com/${ctx.rng.hex(10)}.png` }),
      false,
    );
    const reply = assistantSays(
      `Here is the trend: the strongest bucket was ${Math.max(...rows.map((row) => row.value)).toLocaleString("en-US")} USD. Chart attached.`,
    );
    await callModel(ctx, { model: "gemini-2.5-flash", system: ANALYST_SYSTEM, messages, reply, contextTokens: 1200 });
    agent.setOutput([reply]);
  });
}
