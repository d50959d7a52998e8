import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DiffRunsHeader } from "@/components/retro/diff-runs-header";
import { DiffSteps } from "@/components/retro/diff-steps";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { diffRunPair } from "@/lib/data/findings/run-diff";
import { stepDepths } from "@/lib/trace/diff-depths";
import type { ProjectPageProps } from "@/lib/trace/page-props";
import { parseDiffParams } from "@/lib/trace/diff-params";
import { toUrlSearchParams } from "@/lib/trace/url-state";
import { loadStepChanges } from "./actions";

export const metadata: Metadata = { title: "Compare runs" };

export default async function TraceDiffPage({ params, searchParams }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const query = toUrlSearchParams(await searchParams);
  for (const key of [...query.keys()]) if (key !== "a" && key !== "b") query.delete(key);
  const header = <PageHeader title="Compare runs" subtitle="Two runs aligned step by step: what B did differently from A, and what it cost (B − A)" />;
  const parsed = parseDiffParams(query);
  if (!parsed.ok) return <Notice header={header} message="Choose two runs: tick two rows of the trace list, or use “Compare with…” on a trace." />;
  const { a, b } = parsed;
  const result = await diffRunPair(caller.scope, a, b);
  if (!result.ok) return <Notice header={header} message={`Nothing to compare: ${result.message}.`} backTo={a} />;
  const { diff, indexes } = result;
  return (
    <div className="flex flex-col gap-4 p-4" data-testid="trace-diff">
      {header}
      {b === "baseline" ? (
        <p className="text-xs text-fg-muted">B is the baseline: the most similar successful run of this task in the 7 days before A.</p>
      ) : null}
      <DiffRunsHeader a={diff.a} b={diff.b} totals={diff.totals} />
      <DiffSteps
        traceIdA={diff.a.traceId}
        traceIdB={diff.b.traceId}
        steps={diff.steps}
        depths={stepDepths(diff.steps, indexes)}
        loadChanges={loadStepChanges.bind(null, caller.project.slug)}
      />
    </div>
  );
}

function Notice({ header, message, backTo }: { header: ReactNode; message: string; backTo?: string }) {
  return (
    <div className="flex flex-col gap-4 p-4">
      {header}
      <p role="status" className="rounded border border-line bg-surface p-3 text-sm" data-testid="diff-notice">
        {message}{" "}
        {backTo ? (
          <ProjectLink className="text-accent hover:underline" href={`/traces/${backTo}`}>
            Back to the trace
          </ProjectLink>
        ) : null}
      </p>
    </div>
  );
}
