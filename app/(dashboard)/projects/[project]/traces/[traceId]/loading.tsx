export default function Loading() {
  return (
    <div className="flex flex-1 flex-col gap-3 p-4" aria-busy="true" aria-label="Loading trace">
      <div className="h-7 w-80 animate-pulse rounded bg-muted" />
      <div className="h-5 w-[36rem] animate-pulse rounded bg-muted" />
      <div className="flex flex-1 gap-3">
        <div className="flex flex-1 flex-col gap-1">
          {Array.from({ length: 14 }, (_, i) => (
            <div key={i} className="h-6 animate-pulse rounded bg-surface" />
          ))}
        </div>
        <div className="w-[40%] animate-pulse rounded bg-surface" />
      </div>
    </div>
  );
}
