import "server-only";
// The tool-call audit: tool_calls rows (kept at ingest, see governance-refresh.ts), newest first, filtered and
// cursor-paginated as every audit list is (audit-page.ts), with each call's arguments read from its span.
// Every filter has an index to walk (time; tool, agent or user then time).
import type { Prisma } from "@/prisma/generated/sqlite/index";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import type { ToolCallQuery } from "@/lib/trace/tool-call-params";
import type { ToolCall, ToolCallPage } from "@/lib/trace/tool-call-types";
import { AUDIT_ORDER, auditPage, auditPageWhere, nsToIso } from "./audit-page";
import { getWriteTools } from "./write-tools";

function buildWhere(scope: ProjectScope, { filters, cursor }: Pick<ToolCallQuery, "filters" | "cursor">, writeTools: string[]): Prisma.ToolCallWhereInput {
  const and: Prisma.ToolCallWhereInput[] = [];
  const writes = filters.effect === "write" || filters.withoutApproval;
  if (writes) and.push({ OR: [{ effect: "write" }, { effect: null, toolName: { in: writeTools } }] });
  if (filters.effect === "read") and.push({ effect: "read" });
  if (filters.withoutApproval) and.push({ runApproved: false });
  const { and: cursorAnd, ...window } = auditPageWhere(scope, filters, cursor);
  return {
    ...window,
    toolName: filters.tool,
    mcpServer: filters.server,
    agentName: filters.agent,
    userId: filters.userId,
    status: filters.status === "error" ? "error" : filters.status === "ok" ? { not: "error" } : undefined,
    AND: [...and, ...cursorAnd],
  };
}

function parseArguments(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One page of tool calls; `nextCursor` when more follow. */
export async function listToolCalls(scope: ProjectScope, query: ToolCallQuery, writeTools?: string[]): Promise<ToolCallPage> {
  const tools = writeTools ?? (await getWriteTools(scope));
  const writeSet = new Set(tools);
  const rows = await getPrisma().toolCall.findMany({
    where: buildWhere(scope, query, tools),
    orderBy: [...AUDIT_ORDER],
    take: query.limit + 1,
  });
  const { page, nextCursor } = auditPage(rows, query.limit);
  const inputs = page.length
    ? await getPrisma().span.findMany({
        where: { projectId: scope.projectId, OR: page.map((r) => ({ traceId: r.traceId, spanId: r.spanId })) },
        select: { traceId: true, spanId: true, input: true },
      })
    : [];
  const argumentsOf = new Map(inputs.map((s) => [`${s.traceId}.${s.spanId}`, s.input]));
  const data = page.map(
    (r): ToolCall => ({
      traceId: r.traceId,
      spanId: r.spanId,
      time: nsToIso(r.startNs),
      toolName: r.toolName,
      mcpServer: r.mcpServer,
      agentName: r.agentName,
      userId: r.userId,
      effect: r.effect === "read" || r.effect === "write" ? r.effect : writeSet.has(r.toolName) ? "write" : null,
      status: r.status === "error" || r.status === "ok" ? r.status : "unset",
      durationMs: r.durationMs,
      runApproved: r.runApproved,
      arguments: parseArguments(argumentsOf.get(`${r.traceId}.${r.spanId}`) ?? null),
    }),
  );
  return { data, nextCursor };
}
