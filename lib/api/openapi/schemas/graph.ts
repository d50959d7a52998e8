// Response schema of the pipeline map (GET /api/v1/graph).
// tests/unit/lib/api/openapi/schema-types.test.ts holds it equal to lib/data/graph's answer type.
import { z } from "zod";
import { NODE_TYPES } from "@/lib/analytics/graph/graph-roles";
import { orNull } from "./common";

const p95Ms = orNull(z.number()).meta({ description: "95th percentile duration (within 1 %); null without calls." });
const costUsd = z.number().meta({ description: "Cost of the calls in USD (unpriced calls add nothing)." });

export const graphNodeSchema = z
  .strictObject({
    id: z.string().meta({ description: "Opaque node id; pass it as `graphNode` to GET /api/v1/traces." }),
    type: z.enum(NODE_TYPES),
    name: z.string(),
    server: orNull(z.string()).meta({ description: "For a tool of an MCP server: the server's name." }),
    calls: z.int().meta({ description: "The node's own spans (agent runs, calls, approvals); an MCP call seen by client and server counts once." }),
    errors: z.int(),
    p95Ms,
    costUsd,
  })
  .meta({ id: "GraphNode" });

export const graphEdgeSchema = z
  .strictObject({
    id: z.string().meta({ description: "Opaque edge id; pass it as `graphEdge` to GET /api/v1/traces." }),
    from: z.string(),
    to: z.string(),
    type: z.enum(["calls", "handoff"]),
    count: z.int(),
    errors: z.int(),
    p95Ms,
    costUsd,
  })
  .meta({ id: "GraphEdge" });

const changeSchema = z.strictObject({ id: z.string(), kind: z.enum(["node", "edge"]), before: z.number(), after: z.number() });

export const graphComparisonSchema = z
  .strictObject({
    appeared: z.array(z.string()),
    disappeared: z.array(z.string()),
    slower: z.array(changeSchema).meta({ description: "p95 at least 1.2 × the other period's." }),
    costlier: z.array(changeSchema).meta({ description: "Cost per call at least 1.2 × the other period's." }),
  })
  .meta({ id: "GraphComparison", description: "The range against the comparison period (ids of nodes and edges)." });

export const graphAnswerSchema = z
  .strictObject({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema), comparison: graphComparisonSchema.optional() })
  .meta({ id: "PipelineGraph" });
