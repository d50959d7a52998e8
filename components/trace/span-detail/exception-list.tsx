import { ExpandableText } from "@/components/ui/expandable-text";
import type { SpanException } from "@/lib/trace/span-content";

/** Errors of a span: type, message and stack trace (as text). */
export function ExceptionList({ exceptions }: { exceptions: SpanException[] }) {
  if (exceptions.length === 0) return null;
  return (
    <div className="flex flex-col gap-2" data-testid="span-error">
      {exceptions.map((exception, i) => (
        <div key={i} className="rounded-md border border-danger/40 bg-danger-soft p-2 text-xs" role="alert">
          <div className="font-semibold text-danger">
            {exception.type ?? "Error"}
            {exception.message ? <span className="font-normal">: {exception.message}</span> : null}
          </div>
          {exception.stacktrace ? (
            <div className="mt-1">
              <ExpandableText text={exception.stacktrace} maxChars={700} />
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
