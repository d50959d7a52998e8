// What counts as a pass for one score: a label of the pass set (trimmed, case-insensitive) when it has
// one, else a value of at least 0.5. The same rule as the score metrics' pass rate. Pure.

const PASS_LABELS = new Set(["pass", "good", "correct", "true"]);

export function isPassingVerdict(value: number | null, label: string | null): boolean {
  if (label !== null) return PASS_LABELS.has(label.trim().toLowerCase());
  return value !== null && value >= 0.5;
}
