// The tool-call audit as CSV, streamed: pages of the audit query are fetched as the client reads, so an
// export of a million calls never sits in memory. csv-stringify quotes per RFC 4180 and, with
// escape_formulas, prefixes cells starting with = + - @ (tab, CR) with a quote: span content is untrusted
// and a spreadsheet would otherwise run it as a formula.
import { stringify } from "csv-stringify/sync";
import type { ProjectScope } from "@/lib/data/scope";
import { listToolCalls } from "@/lib/data/governance/tool-calls";
import { getWriteTools } from "@/lib/data/governance/write-tools";
import { parseAuditCursor, type AuditCursor } from "@/lib/trace/audit-page-params";
import type { ToolCallQuery } from "@/lib/trace/tool-call-params";
import type { ToolCall } from "@/lib/trace/tool-call-types";

const PAGE = 1_000;
const HEADER = ["time", "traceId", "spanId", "toolName", "mcpServer", "agentName", "userId", "effect", "status", "durationMs", "runApproved", "arguments"];

const toRecord = (c: ToolCall) => [
  c.time,
  c.traceId,
  c.spanId,
  c.toolName,
  c.mcpServer ?? "",
  c.agentName ?? "",
  c.userId ?? "",
  c.effect ?? "",
  c.status,
  c.durationMs,
  c.runApproved ? "true" : "false",
  c.arguments === null ? "" : typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments),
];

const csv = (records: unknown[][]) => stringify(records, { escape_formulas: true, record_delimiter: "\r\n" });

/** Every call matching `query`'s filters (its limit ignored), newest first, as text/csv. */
export async function toolCallCsvResponse(scope: ProjectScope, query: ToolCallQuery): Promise<Response> {
  const writeTools = await getWriteTools(scope);
  const encoder = new TextEncoder();
  let cursor: AuditCursor | undefined = query.cursor;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const page = await listToolCalls(scope, { filters: query.filters, limit: PAGE, cursor }, writeTools);
        const records = page.data.map(toRecord);
        const text = csv(started ? records : [HEADER, ...records]);
        started = true;
        if (text) controller.enqueue(encoder.encode(text));
        if (page.nextCursor) cursor = parseAuditCursor(page.nextCursor);
        else controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "");
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="tool-calls-${stamp}.csv"` },
  });
}
