// What changed against the previous period of the same length: nodes and edges that appeared or
// disappeared, and those that got slower (p95) or costlier (per call).
import type { PipelineGraph } from "@/lib/analytics/graph/graph-build";
import type { GraphComparison } from "@/lib/analytics/graph/graph-compare";
import { formatDuration } from "@/lib/format/duration";
import { formatCost } from "@/lib/format/money";

function List({ title, items }: { title: string; items: { id: string; text: string }[] }) {
  return (
    <section className="min-w-0 flex-1 rounded border border-line p-3">
      <h2 className="mb-1 text-sm font-semibold">
        {title} <span className="font-normal text-fg-muted">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-xs text-fg-muted">Nothing</p>
      ) : (
        <ul className="flex flex-col gap-0.5 text-xs">
          {items.map((item) => (
            <li key={item.id} className="truncate" title={item.text}>
              {item.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function GraphChanges({ comparison, graph }: { comparison: GraphComparison; graph: PipelineGraph }) {
  const names = new Map<string, string>(graph.nodes.map((n) => [n.id, n.name]));
  const label = (id: string) => {
    const [from, to] = id.split("->");
    return to === undefined ? (names.get(id) ?? id) : `${names.get(from!) ?? from} → ${names.get(to) ?? to}`;
  };
  return (
    <div className="flex flex-wrap gap-3" aria-label="Changes against the previous period">
      <List title="Appeared" items={comparison.appeared.map((id) => ({ id, text: label(id) }))} />
      <List title="Disappeared" items={comparison.disappeared.map((id) => ({ id, text: id }))} />
      <List
        title="Slower (p95)"
        items={comparison.slower.map((c) => ({ id: c.id, text: `${label(c.id)}: ${formatDuration(c.before)} → ${formatDuration(c.after)}` }))}
      />
      <List
        title="Costlier (per call)"
        items={comparison.costlier.map((c) => ({ id: c.id, text: `${label(c.id)}: ${formatCost(c.before)} → ${formatCost(c.after)}` }))}
      />
    </div>
  );
}
