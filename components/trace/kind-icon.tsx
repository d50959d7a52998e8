import type { ReactNode } from "react";
import { getKindStyle } from "@/components/trace/kind-style";

// 16×16 stroke glyphs, one per span kind.
const GLYPHS: Record<string, ReactNode> = {
  agent: (
    <>
      <rect x="3" y="5" width="10" height="8" rx="2" />
      <path d="M8 2.5V5M6 9h.01M10 9h.01" />
    </>
  ),
  llm: <path d="M8 2l1.5 4.5L14 8l-4.5 1.5L8 14l-1.5-4.5L2 8l4.5-1.5z" />,
  tool: <path d="M10.5 2.5a3 3 0 00-3.2 4.1L2.5 11.4l2.1 2.1 4.8-4.8a3 3 0 004.1-3.2l-1.8 1.8-1.9-.5-.5-1.9z" />,
  retriever: (
    <>
      <circle cx="7" cy="7" r="4" />
      <path d="M10 10l3.5 3.5" />
    </>
  ),
  embedding: (
    <>
      <circle cx="4" cy="4" r="1" />
      <circle cx="12" cy="4" r="1" />
      <circle cx="4" cy="12" r="1" />
      <circle cx="12" cy="12" r="1" />
      <circle cx="8" cy="8" r="1" />
    </>
  ),
  chain: <path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" />,
  guardrail: <path d="M8 2l5 2v4c0 3-2.2 5-5 6-2.8-1-5-3-5-6V4z" />,
  approval: (
    <>
      <circle cx="6.5" cy="5" r="2.5" />
      <path d="M2 13.5c0-2.5 2-4.5 4.5-4.5 1 0 1.9.3 2.6.8M10 12l1.5 1.5L14.5 10" />
    </>
  ),
  other: <circle cx="8" cy="8" r="2.5" />,
};

/** Small icon for a span kind; its accessible name is the kind. */
export function KindIcon({ kind }: { kind: string }) {
  const style = getKindStyle(kind);
  return (
    <span className={`inline-flex size-5 shrink-0 items-center justify-center rounded ${style.icon}`} title={style.label} aria-label={style.label} role="img">
      <svg
        viewBox="0 0 16 16"
        className="size-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        {GLYPHS[kind] ?? GLYPHS.other}
      </svg>
    </span>
  );
}
