/** Placeholder cards shown while a dashboard's queries run. */
export function ChartsSkeleton({ charts = 4 }: { charts?: number }) {
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading">
      <div className="h-7 w-48 animate-pulse rounded bg-muted" />
      <div className="h-72 animate-pulse rounded-lg bg-surface" />
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        {Array.from({ length: charts }, (_, i) => (
          <div key={i} className="h-48 animate-pulse rounded-lg bg-surface" />
        ))}
      </div>
    </div>
  );
}
