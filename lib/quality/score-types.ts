// Quality scores as the API shows them, and what counts as a pass. Pure; safe in client components.

export const SCORE_SOURCES = ["api", "otel", "evaluator", "review"] as const;
export type ScoreSource = (typeof SCORE_SOURCES)[number];

export type Score = {
  id: string;
  traceId: string;
  spanId: string | null;
  name: string;
  value: number | null;
  label: string | null;
  comment: string | null;
  source: ScoreSource;
  author: string | null;
  createdAt: string;
};

/** Labels that count as a pass (compared trimmed and case-insensitively). */
export const PASS_LABELS = ["pass", "good", "correct", "true"] as const;

/** Values at or above this count as a pass when a score carries no label. */
export const PASS_VALUE = 0.5;

/**
 * Whether one score counts as a pass: its label when it has one (a label is the reviewer's or judge's
 * verdict, whatever number came with it), else its value.
 */
export function isPassing(value: number | null, label: string | null): boolean {
  if (label !== null) return (PASS_LABELS as readonly string[]).includes(label.trim().toLowerCase());
  return value !== null && value >= PASS_VALUE;
}
