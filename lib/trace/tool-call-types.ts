// One row of the tool-call audit, as GET /api/v1/tool-calls answers it (schema: lib/api/openapi/schemas/governance.ts).
// Safe to import from client components.

export type ToolCallEffect = "read" | "write";

export type ToolCall = {
  traceId: string;
  spanId: string;
  time: string;
  toolName: string;
  mcpServer: string | null;
  agentName: string | null;
  userId: string | null;
  /** Declared on the span (`hindsight.tool.effect`), else "write" for the project's write tools, else null. */
  effect: ToolCallEffect | null;
  status: "ok" | "error" | "unset";
  durationMs: number;
  /** Whether the same run holds an approved approval. */
  runApproved: boolean;
  /** The tool's arguments, parsed (null when not captured). */
  arguments: unknown;
};

export type ToolCallPage = { data: ToolCall[]; nextCursor: string | null };
