"use client";
// The pipeline map drawn with React Flow, laid out by dagre (left to right: entry agents first). Edge width
// by volume, colour by error rate; clicking a node or an edge opens the trace list filtered to it. Names
// come from spans (untrusted): React renders them as text.
import { Background, Controls, MarkerType, Position, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import type { ApprovalGate, GraphEdge, GraphNode } from "@/lib/analytics/graph/graph-build";
import { formatDuration } from "@/lib/format/duration";
import { formatCost } from "@/lib/format/money";
import { edgeWidth, ERROR_COLOURS, errorLevel, NODE_TYPE_COLOURS, NODE_TYPE_LABELS } from "@/lib/format/graph-style";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from "./graph-layout";

export type PipelineMapProps = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Trace-list links: `graphNode` or `graphEdge` set to the clicked id. */
  nodeHref: Record<string, string>;
  edgeHref: Record<string, string>;
  /** One run's path: its nodes and edges are drawn strong, the rest faded. */
  highlight?: { nodes: string[]; edges: string[] };
};

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** An approval gate: the human decisions and wait instead of call figures. */
function GateLabel({ node, gate }: { node: GraphNode; gate: ApprovalGate }) {
  return (
    <div className="flex flex-col gap-px text-left" data-node-id={node.id} data-testid="approval-gate">
      <span className="text-[10px] font-medium tracking-wide uppercase" style={{ color: NODE_TYPE_COLOURS.approval }}>
        Approval gate{gate.guards !== null ? " · guards tool" : ""}
      </span>
      <span className="truncate text-xs font-semibold" title={gate.action}>
        {gate.action}
      </span>
      {/* Two short lines: one would wrap out of the node's fixed height. */}
      <span className="text-[10px] leading-tight text-fg-muted">
        {gate.requests} requests · wait p95 {formatDuration(gate.p95WaitMs)}
      </span>
      <span className="text-[10px] leading-tight text-fg-muted">
        {pct(gate.approvalRate)} approved · {pct(gate.rejectionRate)} rejected
      </span>
    </div>
  );
}

function NodeLabel({ node }: { node: GraphNode }) {
  if (node.gate) return <GateLabel node={node} gate={node.gate} />;
  return (
    <div className="flex flex-col gap-0.5 text-left" data-node-id={node.id}>
      <span className="text-[10px] font-medium tracking-wide uppercase" style={{ color: NODE_TYPE_COLOURS[node.type] }}>
        {NODE_TYPE_LABELS[node.type]}
        {node.server !== null ? ` · ${node.server}` : ""}
      </span>
      <span className="truncate text-xs font-semibold" title={node.name}>
        {node.name}
      </span>
      <span className="text-[10px] text-fg-muted">
        {node.calls} calls · {node.errors} err · p95 {formatDuration(node.p95Ms)} · {formatCost(node.costUsd)}
      </span>
    </div>
  );
}

export function PipelineMap({ nodes, edges, nodeHref, edgeHref, highlight }: PipelineMapProps) {
  const router = useRouter();
  const flow = useMemo(() => {
    const positions = layoutGraph(nodes, edges);
    const maxCount = Math.max(0, ...edges.map((e) => e.count));
    const onPath = (kind: "nodes" | "edges", id: string) => !highlight || highlight[kind].includes(id);
    const flowNodes: Node[] = nodes.map((node) => ({
      id: node.id,
      position: positions.get(node.id) ?? { x: 0, y: 0 },
      data: { label: <NodeLabel node={node} /> },
      // Laid out left to right: edges leave a node on its right and enter on its left.
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      style: {
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        borderColor: NODE_TYPE_COLOURS[node.type],
        borderWidth: onPath("nodes", node.id) && highlight ? 3 : 1,
        // A gate is where a person decides: drawn dashed so it stands apart from calls.
        borderStyle: node.gate ? "dashed" : "solid",
        opacity: onPath("nodes", node.id) ? 1 : 0.35,
        cursor: "pointer",
      },
      ariaLabel: `${NODE_TYPE_LABELS[node.type]} ${node.name}`,
    }));
    const flowEdges: Edge[] = edges.map((edge) => {
      const colour = ERROR_COLOURS[errorLevel(edge.errors, edge.count)];
      return {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        label: `${edge.type === "handoff" ? "hand-off · " : ""}${edge.count}${edge.errors ? ` · ${edge.errors} err` : ""}`,
        style: { stroke: colour, strokeWidth: edgeWidth(edge.count, maxCount), opacity: onPath("edges", edge.id) ? 1 : 0.25, cursor: "pointer" },
        markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16, markerUnits: "userSpaceOnUse" },
        animated: edge.type === "handoff",
        interactionWidth: 24,
        ariaLabel: `${edge.from} to ${edge.to}: ${edge.count} calls, ${edge.errors} errors`,
      };
    });
    // Each gate leads on to the tool it guards: a dashed line, not a call (no figures, not clickable).
    for (const node of nodes) {
      if (!node.gate?.guards) continue;
      flowEdges.push({
        id: `${node.id}=>${node.gate.guards}`,
        source: node.id,
        target: node.gate.guards,
        label: "guards",
        style: { stroke: NODE_TYPE_COLOURS.approval, strokeDasharray: "6 4", opacity: onPath("nodes", node.id) ? 1 : 0.25 },
        markerEnd: { type: MarkerType.ArrowClosed, color: NODE_TYPE_COLOURS.approval, width: 16, height: 16, markerUnits: "userSpaceOnUse" },
        selectable: false,
        focusable: false,
        ariaLabel: `${node.name} guards ${node.gate.guards}`,
      });
    }
    return { flowNodes, flowEdges };
  }, [nodes, edges, highlight]);

  return (
    <div className="h-[560px] w-full rounded border border-line bg-surface" data-testid="pipeline-map">
      <ReactFlow
        nodes={flow.flowNodes}
        edges={flow.flowEdges}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_, node) => nodeHref[node.id] && router.push(nodeHref[node.id]!)}
        onEdgeClick={(_, edge) => edgeHref[edge.id] && router.push(edgeHref[edge.id]!)}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
