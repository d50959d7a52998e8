// How often the queue's reviews agree with the other sources' scores of the same name on the reviewed runs.
import type { ReviewAgreement } from "@/lib/quality/review-agreement";

const SOURCE_NAMES: Record<ReviewAgreement["source"], string> = { api: "API", otel: "OpenTelemetry", evaluator: "Evaluators" };

export function ReviewAgreementTable({ agreement, scoreName }: { agreement: ReviewAgreement[]; scoreName: string }) {
  if (agreement.length === 0) {
    return (
      <p className="px-4 py-2 text-sm text-fg-muted" data-testid="review-agreement">
        No other source has scored <span className="font-medium">{scoreName}</span> on the reviewed runs yet.
      </p>
    );
  }
  return (
    <table className="mx-4 my-2 max-w-xl text-sm" data-testid="review-agreement">
      <caption className="text-left text-fg-muted">Agreement of the reviews with other sources</caption>
      <thead className="text-left text-fg-muted">
        <tr>
          <th className="pr-6 font-normal">Source</th>
          <th className="pr-6 font-normal">Runs compared</th>
          <th className="pr-6 font-normal">Agreed</th>
          <th className="font-normal">Agreement</th>
        </tr>
      </thead>
      <tbody>
        {agreement.map((row) => (
          <tr key={row.source} className="border-t border-line tabular-nums" data-source={row.source}>
            <td className="pr-6">{SOURCE_NAMES[row.source]}</td>
            <td className="pr-6">{row.compared}</td>
            <td className="pr-6">{row.agreed}</td>
            <td>{(row.rate * 100).toFixed(0)} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
