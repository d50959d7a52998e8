import type { Metadata } from "next";
import { CreateEvaluatorForm } from "@/components/evaluators/create-evaluator-form";
import { EvaluatorActions } from "@/components/evaluators/evaluator-actions";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { backfillEvaluatorAction, createEvaluatorAction, deleteEvaluatorAction, setEvaluatorEnabledAction } from "@/lib/actions/evaluators";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listEvaluatorViews } from "@/lib/data/quality/evaluators";
import type { EvaluatorView } from "@/lib/quality/evaluator-types";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Evaluators" };

/** What the evaluator checks, in a few words. */
function describeHow(e: EvaluatorView): string {
  if (e.judge) return `judge ${e.judge.model}${e.judge.labels ? ` → ${e.judge.labels.join(" / ")}` : ""}`;
  if (!e.rule) return "—";
  return "value" in e.rule ? `${e.rule.kind} ${typeof e.rule.value === "object" ? "schema" : String(e.rule.value)}` : e.rule.kind;
}

const filterText = (filter: Record<string, string>) => new URLSearchParams(filter).toString() || "all runs";

export default async function EvaluatorsPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const evaluators = await listEvaluatorViews(caller.scope);
  const slug = caller.project.slug;
  const canWrite = can(caller, "write");
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader title="Evaluators" subtitle="Rules and LLM judges that score each new run once it settles (source evaluator)" />
      <table className="w-full text-sm" data-testid="evaluators">
        <thead className="text-left text-fg-muted">
          <tr>
            <th className="py-1 font-normal">Evaluator</th>
            <th className="py-1 font-normal">Score</th>
            <th className="py-1 font-normal">How</th>
            <th className="py-1 font-normal">Runs</th>
            <th className="py-1 font-normal">State</th>
            <th className="py-1 font-normal">Last error</th>
            <th className="py-1 font-normal">Backfill</th>
            {canWrite ? <th className="py-1 font-normal">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {evaluators.length === 0 ? (
            <tr>
              <td colSpan={8} className="py-2 text-fg-muted">
                No evaluators yet.
              </td>
            </tr>
          ) : null}
          {evaluators.map((e) => (
            <tr key={e.id} className="border-t border-line align-top" data-testid="evaluator-row">
              <td className="py-1.5">
                {canWrite ? (
                  <ProjectLink href={`/evaluators/${e.id}`} className="text-accent hover:underline">
                    {e.name}
                  </ProjectLink>
                ) : (
                  e.name
                )}
              </td>
              <td className="py-1.5">{e.scoreName}</td>
              <td className="py-1.5 break-all">
                {describeHow(e)} <span className="text-fg-muted">on {e.target === "trace" ? "the run" : e.target.replace("_", " ")}</span>
              </td>
              <td className="py-1.5 break-all">
                {filterText(e.filter)}
                {e.sampleRate < 1 ? ` · ${Math.round(e.sampleRate * 1000) / 10} %` : ""}
              </td>
              <td className="py-1.5">
                {e.enabled ? "enabled" : "disabled"}
                {e.type === "llm_judge" ? (
                  <div className="text-xs text-fg-muted">
                    ${e.costTodayUsd.toFixed(4)} today{e.maxCostUsdPerDay !== null ? ` of $${e.maxCostUsdPerDay}` : ""}
                  </div>
                ) : null}
              </td>
              <td className="py-1.5 text-xs">
                {e.lastError ? (
                  <span title={e.lastErrorAt ?? undefined}>
                    {e.lastError} ({e.failureCount} failure{e.failureCount === 1 ? "" : "s"})
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td className="py-1.5 text-xs tabular-nums">
                {e.lastBackfill ? `${e.lastBackfill.state} ${e.lastBackfill.done} / ${e.lastBackfill.total}` : "—"}
              </td>
              {canWrite ? (
                <td className="py-1.5">
                  <EvaluatorActions
                    name={e.name}
                    enabled={e.enabled}
                    setEnabled={setEvaluatorEnabledAction.bind(null, slug, e.id)}
                    backfill={backfillEvaluatorAction.bind(null, slug, e.id)}
                    remove={deleteEvaluatorAction.bind(null, slug, e.id)}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite ? (
        <section className="flex flex-col gap-2">
          <h2 className="text-base font-semibold">New evaluator</h2>
          <CreateEvaluatorForm action={createEvaluatorAction.bind(null, slug)} />
        </section>
      ) : null}
    </div>
  );
}
