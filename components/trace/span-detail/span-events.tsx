import { KeyValueList } from "@/components/trace/span-detail/key-value-list";
import type { SpanEvent } from "@/lib/trace/types";

/** Span events in time order, each with its attributes. */
export function SpanEvents({ events }: { events: SpanEvent[] }) {
  if (events.length === 0) return <p className="text-xs text-fg-muted">No events.</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="span-events">
      {events.map((event, i) => (
        <li key={i} className="rounded border border-line p-2">
          <div className="mb-1 flex justify-between text-xs">
            <span className={`font-medium ${event.name === "exception" ? "text-danger" : ""}`}>{event.name}</span>
            <span className="font-mono text-fg-muted">{event.time}</span>
          </div>
          <KeyValueList values={event.attributes} />
        </li>
      ))}
    </ol>
  );
}
