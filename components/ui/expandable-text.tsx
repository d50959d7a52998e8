"use client";

import { useState } from "react";
import { truncateText } from "@/lib/trace/span-content";
import { CopyButton } from "@/components/ui/copy-button";

type Props = {
  /** Untrusted text: rendered as a text node, never as HTML. */
  text: string;
  /** Characters shown before "Show all". */
  maxChars?: number;
  /** Monospace block (JSON, stack traces) or flowing prose (chat). */
  isCode?: boolean;
  isCopyable?: boolean;
  testId?: string;
};

/** Long values are cut with an expander so one huge prompt cannot freeze the page. */
export function ExpandableText({ text, maxChars = 4000, isCode = true, isCopyable = true, testId }: Props) {
  const [isExpanded, setIsExpanded] = useState(false);
  const cut = truncateText(text, maxChars);
  const shown = isExpanded ? text : cut.text;
  const base = isCode ? "font-mono text-xs" : "font-sans text-sm";

  return (
    <div className="group relative">
      <pre data-testid={testId} className={`${base} max-h-[32rem] overflow-auto rounded bg-surface p-2 break-words whitespace-pre-wrap`}>
        {shown}
        {cut.isTruncated && !isExpanded ? "…" : null}
      </pre>
      <div className="mt-1 flex items-center gap-2">
        {cut.isTruncated ? (
          <button type="button" className="text-xs text-accent hover:underline" onClick={() => setIsExpanded((v) => !v)}>
            {isExpanded ? "Show less" : `Show all (${cut.hiddenChars.toLocaleString("en-US")} more characters)`}
          </button>
        ) : null}
        {isCopyable && text.length > 0 ? <CopyButton text={text} className="ml-auto opacity-70 group-hover:opacity-100" /> : null}
      </div>
    </div>
  );
}
