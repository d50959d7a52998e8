// The pipeline map.
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { graphQuery } from "../params";
import { graphAnswerSchema } from "../schemas/graph";

export const graphOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/graph",
    tags: ["Analytics"],
    summary: "The pipeline map: agents, tools, MCP servers, models, approvals and their edges",
    description:
      "Aggregated over every trace that has spans in the whole UTC hours overlapping the range, from rollups kept at ingest (never a scan of spans). Agents call tools, MCP servers (whose tools hang off them) and models (`calls` edges, one per call); an agent run under another agent, or reached through a hand-off tool call, is a `handoff` edge. A node's figures are its own spans. With `compareFrom` and `compareTo`, `comparison` lists what appeared, disappeared, got slower or costlier against that period.",
    access: "read",
    request: { query: graphQuery },
    responses: {
      200: { description: "Nodes and edges, ordered by id.", content: jsonContent(graphAnswerSchema) },
      400: errorAnswer("A bad or unknown parameter; `parameter` names it."),
    },
  }),
];
