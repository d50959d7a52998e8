// GET /api/v1/graph: the pipeline map (agents, tools, MCP servers, models, approvals and the edges between
// them) over a range, optionally one task or agent, optionally compared with another period.
import { NextResponse } from "next/server";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { parseGraphParams } from "@/lib/analytics/graph/graph-params";
import { getPipelineGraph } from "@/lib/data/graph/pipeline-graph";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const query = parseGraphParams(queryParams(request));
  if (!query.ok) return badParameter(query.parameter, query.message);
  return NextResponse.json(await getPipelineGraph(caller.scope, query));
});
