import { ExpandableText } from "@/components/ui/expandable-text";
import { stringifyValue } from "@/lib/trace/span-content";

/** A titled value shown as formatted JSON (or the string itself), truncated with an expander, copyable. */
export function JsonBlock({ title, value, testId, maxChars }: { title: string; value: unknown; testId?: string; maxChars?: number }) {
  const text = stringifyValue(value);
  return (
    <section className="flex flex-col gap-1" data-testid={testId}>
      <h3 className="text-xs font-semibold tracking-wide text-fg-muted uppercase">{title}</h3>
      {text ? <ExpandableText text={text} maxChars={maxChars} /> : <p className="text-xs text-fg-muted">(empty)</p>}
    </section>
  );
}
