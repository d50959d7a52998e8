import "server-only";
// Every span of one trace, read in bulk through the raw read connection (rows as arrays), for the trace
// detail and the trace page. Through Prisma each row became an object of typed fields (BigInt times
// included) before the reader's own mapping: on a long trace that per-row work, and the garbage it left,
// dominated the read. Times come divided down to whole milliseconds by the database (exact as numbers).
import { getReadConnection } from "@/lib/db/read-connection";
import type { ProjectScope } from "@/lib/data/scope";
import type { StoredSpan } from "./stored-span";

const ORDER = `ORDER BY "startNs", "spanId"`;
const WHERE = `FROM "spans" WHERE "projectId" = ? AND "traceId" = ?`;

/** Every column of a StoredSpan, in toStoredSpan's order. */
export const FULL_COLUMNS = [
  `"traceId"`,
  `"spanId"`,
  `"parentSpanId"`,
  `"name"`,
  `"kind"`,
  `"serviceName"`,
  `"resourceId"`,
  `"startNs" / 1000000`,
  `"endNs" / 1000000`,
  `"durationMs"`,
  `"status"`,
  `"statusMessage"`,
  `"model"`,
  `"provider"`,
  `"inputTokens"`,
  `"outputTokens"`,
  `"cacheReadTokens"`,
  `"cacheWriteTokens"`,
  `"reasoningTokens"`,
  `"costUsd"`,
  `"costSource"`,
  `"toolName"`,
  `"toolCallId"`,
  `"agentName"`,
  `"mcpServer"`,
  `"sessionId"`,
  `"userId"`,
  `"input"`,
  `"output"`,
  `"attributes"`,
  `"events"`,
].join(", ");

/** A row of FULL_COLUMNS as a StoredSpan. */
export function toStoredSpan(r: unknown[]): StoredSpan {
  return {
    traceId: r[0] as string,
    spanId: r[1] as string,
    parentSpanId: r[2] as string | null,
    name: r[3] as string,
    kind: r[4] as string,
    serviceName: r[5] as string | null,
    resourceId: r[6] as string | null,
    startMs: Number(r[7]),
    endMs: Number(r[8]),
    durationMs: r[9] as number,
    status: r[10] as string,
    statusMessage: r[11] as string | null,
    model: r[12] as string | null,
    provider: r[13] as string | null,
    inputTokens: r[14] as number | null,
    outputTokens: r[15] as number | null,
    cacheReadTokens: r[16] as number | null,
    cacheWriteTokens: r[17] as number | null,
    reasoningTokens: r[18] as number | null,
    costUsd: r[19] as number | null,
    costSource: r[20] as string | null,
    toolName: r[21] as string | null,
    toolCallId: r[22] as string | null,
    agentName: r[23] as string | null,
    mcpServer: r[24] as string | null,
    sessionId: r[25] as string | null,
    userId: r[26] as string | null,
    input: r[27] as string | null,
    output: r[28] as string | null,
    attributes: r[29] as string,
    events: r[30] as string,
  };
}

/** The trace's spans in start order (then spanId), every column the API shows. */
export async function readTraceSpans(scope: ProjectScope, traceId: string): Promise<StoredSpan[]> {
  const spans: StoredSpan[] = [];
  await getReadConnection().eachRow(`SELECT ${FULL_COLUMNS} ${WHERE} ${ORDER}`, [scope.projectId, traceId], (r) => spans.push(toStoredSpan(r)));
  return spans;
}

/** An outline row: what the tree and timeline draw (see lib/trace/span-outline.ts). */
export type OutlineRow = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  serviceName: string | null;
  startMs: number;
  durationMs: number;
  status: string;
  statusMessage: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  toolName: string | null;
  agentName: string | null;
  mcpServer: string | null;
};

const OUTLINE_COLUMNS = `"spanId", "parentSpanId", "name", "kind", "serviceName", "startNs" / 1000000, "durationMs", "status", "statusMessage", "model", "inputTokens", "outputTokens", "costUsd", "toolName", "agentName", "mcpServer"`;

/** The trace's span outlines in start order (then spanId): no content, attributes or events. */
export async function readTraceOutlineRows(scope: ProjectScope, traceId: string): Promise<OutlineRow[]> {
  const rows: OutlineRow[] = [];
  await getReadConnection().eachRow(`SELECT ${OUTLINE_COLUMNS} ${WHERE} ${ORDER}`, [scope.projectId, traceId], (r) => {
    rows.push({
      spanId: r[0] as string,
      parentSpanId: r[1] as string | null,
      name: r[2] as string,
      kind: r[3] as string,
      serviceName: r[4] as string | null,
      startMs: Number(r[5]),
      durationMs: r[6] as number,
      status: r[7] as string,
      statusMessage: r[8] as string | null,
      model: r[9] as string | null,
      inputTokens: r[10] as number | null,
      outputTokens: r[11] as number | null,
      costUsd: r[12] as number | null,
      toolName: r[13] as string | null,
      agentName: r[14] as string | null,
      mcpServer: r[15] as string | null,
    });
  });
  return rows;
}
