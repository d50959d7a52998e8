/** One headline figure of a dashboard. */
export type StatTile = { label: string; value: string; hint?: string; tone?: "danger" | "default" };

/** A row of headline figures (total cost, runs, waste…). */
export function StatTiles({ tiles }: { tiles: StatTile[] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6" data-testid="stat-tiles">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-lg border border-line bg-surface px-3 py-2">
          <dt className="text-xs text-fg-muted">{tile.label}</dt>
          <dd className={`text-lg font-semibold tabular-nums ${tile.tone === "danger" ? "text-danger" : ""}`} title={tile.hint}>
            {tile.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
