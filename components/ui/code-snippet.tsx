import { CopyButton } from "@/components/ui/copy-button";

/** A titled, copyable code block. */
export function CodeSnippet({ title, code }: { title: string; code: string }) {
  return (
    <figure className="overflow-hidden rounded-lg border border-line">
      <figcaption className="flex items-center justify-between border-b border-line bg-surface px-3 py-1.5 text-xs font-medium text-fg-muted">
        {title}
        <CopyButton text={code} />
      </figcaption>
      <pre className="overflow-x-auto bg-bg p-3 font-mono text-xs leading-relaxed">{code}</pre>
    </figure>
  );
}
