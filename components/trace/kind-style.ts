// One colour per span kind, shared by tree icons, timeline bars and the legend. Mid-tone colours read on
// both themes.
import type { Kind } from "@/lib/trace/types";

export const KIND_STYLE: Record<Kind, { label: string; bar: string; icon: string }> = {
  agent: { label: "Agent", bar: "bg-violet-500", icon: "text-violet-600 dark:text-violet-400 bg-violet-500/10" },
  llm: { label: "LLM", bar: "bg-sky-500", icon: "text-sky-600 dark:text-sky-400 bg-sky-500/10" },
  tool: { label: "Tool", bar: "bg-amber-500", icon: "text-amber-600 dark:text-amber-400 bg-amber-500/10" },
  retriever: { label: "Retriever", bar: "bg-emerald-500", icon: "text-emerald-600 dark:text-emerald-400 bg-emerald-500/10" },
  embedding: { label: "Embedding", bar: "bg-teal-500", icon: "text-teal-600 dark:text-teal-400 bg-teal-500/10" },
  chain: { label: "Chain", bar: "bg-indigo-400", icon: "text-indigo-600 dark:text-indigo-300 bg-indigo-500/10" },
  guardrail: { label: "Guardrail", bar: "bg-pink-500", icon: "text-pink-600 dark:text-pink-400 bg-pink-500/10" },
  // A human's wait, not machine work: its own colour and a dotted bar (globals.css).
  approval: { label: "Approval", bar: "bar-human bg-orange-500", icon: "text-orange-600 dark:text-orange-400 bg-orange-500/10" },
  other: { label: "Span", bar: "bg-slate-400", icon: "text-slate-500 dark:text-slate-400 bg-slate-500/10" },
};

/** Style of a kind, falling back to "other" for a value this UI does not know yet. */
export function getKindStyle(kind: string) {
  return KIND_STYLE[kind as Kind] ?? KIND_STYLE.other;
}
