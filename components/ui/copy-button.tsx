"use client";

import { useState } from "react";

/** Copies `text` to the clipboard; says "Copied" for a moment. */
export function CopyButton({ text, label = "Copy", className = "" }: { text: string; label?: string; className?: string }) {
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API needs a secure context; fall back to a hidden textarea.
      const area = document.createElement("textarea");
      area.value = text;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setIsCopied(true);
    window.setTimeout(() => setIsCopied(false), 1200);
  }

  return (
    <button
      type="button"
      onClick={() => void copy()}
      className={`rounded border border-line bg-bg px-1.5 py-0.5 text-xs text-fg-muted hover:text-fg ${className}`}
      aria-label={`${label} to clipboard`}
    >
      {isCopied ? "Copied" : label}
    </button>
  );
}
