import { CopyButton } from "@/components/ui/copy-button";
import { ExpandableText } from "@/components/ui/expandable-text";
import { stringifyValue } from "@/lib/trace/span-content";

/** Attributes as a sorted key/value table; long values get an expander. */
export function KeyValueList({ values, testId }: { values: Record<string, unknown>; testId?: string }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="text-xs text-fg-muted">None.</p>;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex justify-end">
        <CopyButton text={stringifyValue(values)} label="Copy all" />
      </div>
      <dl className="grid grid-cols-[minmax(8rem,40%)_1fr] gap-x-3 gap-y-1 text-xs" data-testid={testId}>
        {entries.map(([key, value]) => {
          const text = stringifyValue(value);
          return (
            <div key={key} className="contents">
              <dt className="font-mono break-all text-fg-muted">{key}</dt>
              <dd className="min-w-0">
                {text.length > 120 || text.includes("\n") ? (
                  <ExpandableText text={text} maxChars={600} isCopyable={false} />
                ) : (
                  <span className="font-mono break-all">{text}</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
