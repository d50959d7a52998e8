import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateEvaluatorForm } from "@/components/evaluators/create-evaluator-form";
import { PageHeader } from "@/components/ui/page-header";
import { updateEvaluatorAction } from "@/lib/actions/evaluators";
import { requirePageCaller } from "@/lib/auth/require-page";
import { getEvaluatorView } from "@/lib/data/quality/evaluators";
import { evaluatorFormValues } from "@/lib/forms/evaluator-form";

export const metadata: Metadata = { title: "Edit evaluator" };

type Props = { params: Promise<{ project: string; id: string }> };

export default async function EditEvaluatorPage({ params }: Props) {
  const { project, id } = await params;
  const caller = await requirePageCaller(project, "write");
  const evaluator = await getEvaluatorView(caller.scope, id);
  if (!evaluator) notFound();
  return (
    <div className="flex flex-col gap-6 p-4">
      <PageHeader title={`Edit ${evaluator.name}`} subtitle="Runs scored already keep their scores; the change applies to runs that settle from now on" />
      <CreateEvaluatorForm
        action={updateEvaluatorAction.bind(null, caller.project.slug, id)}
        initial={evaluatorFormValues(evaluator)}
        submitLabel="Save changes"
      />
    </div>
  );
}
