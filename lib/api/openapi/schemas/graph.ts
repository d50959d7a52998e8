// Response schema of the pipeline map (GET /api/v1/graph).
// tests/unit/lib/api/openapi/schema-types.test.ts holds it equal to lib/data/graph's answer type.
import { z } from "zod";
import { NODE_TYPES } from "@/lib/analytics/graph/graph-roles";
import { orNull } from "./common";

const p95Ms = orNull(z.number()).meta({ description: "95th percentile duration (within 1 %); null without calls." });
const costUsd = z.number().meta({ description: "Cost of the calls in USD (unpriced calls add nothing)." });

const share = z.number().meta({ description: "Share of the requests, 0–1." });

export const approvalGateSchema = z
  .strictObject({
    action: z.string(),
    requests: z.int(),
    approved: z.int(),
    rejected: z.int(),
    timedOut: z.int(),
    escalated: z.int(),
    approvalRate: share,
    rejectionRate: share,
    p95WaitMs: orNull(z.number()).meta({ description: "95th percentile of the human wait (within 1 %)." }),
    guards: orNull(z.string()).meta({ description: "Id of the tool node the gate guards (a tool named as the action), when the map holds one." }),
  })
  .meta({
    id: "ApprovalGate",
    description: "An approval node's requests, decisions and human wait, from the approval requests kept at ingest.",
  });

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
    gate: approvalGateSchema.optional().meta({ description: "Approval nodes only: the gate's decisions; its calls are the requests, p95Ms the wait." }),
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
