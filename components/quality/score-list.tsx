import type { Score } from "@/lib/quality/score-types";
import { isPassing } from "@/lib/quality/score-types";

/** A score's value as read at a glance: the label when there is one, else the number (3 decimals at most). */
export function scoreText(score: Pick<Score, "value" | "label">): string {
  const value = score.value === null ? null : String(Math.round(score.value * 1000) / 1000);
  if (score.label !== null && value !== null) return `${score.label} (${value})`;
  return score.label ?? value ?? "—";
}

/** Scores as small pills: name, value or label, coloured by pass or fail; the comment and source on hover. Text only. */
export function ScoreList({ scores, testId }: { scores: readonly Score[]; testId: string }) {
  if (scores.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" data-testid={testId}>
      {scores.map((score) => {
        const passed = isPassing(score.value, score.label);
        const title = [`source: ${score.source}`, score.author ? `by ${score.author}` : null, score.comment].filter(Boolean).join("\n");
        return (
          <li
            key={score.id}
            title={title}
            data-score-name={score.name}
            data-passed={passed ? "true" : "false"}
            className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs ${passed ? "bg-ok/10 text-ok" : "bg-danger/10 text-danger"}`}
          >
            <span className="font-medium">{score.name}</span>
            <span className="tabular-nums">{scoreText(score)}</span>
          </li>
        );
      })}
    </ul>
  );
}
