"use client";
import { useActionState } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { IDLE, type FormState } from "@/lib/forms/form-state";

/** New dataset: a name unique in the project, and a description. */
export function CreateDatasetForm({ action: create }: { action: (previous: FormState, form: FormData) => Promise<FormState> }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(create, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" data-testid="create-dataset-form" noValidate>
      <div className="w-64">
        <Field label="Name" error={errorFor(state, "name")}>
          <input name="name" placeholder="refund edge cases" defaultValue={submitted(state, "name")} className={inputClass} />
        </Field>
      </div>
      <div className="w-96">
        <Field label="Description (optional)" error={errorFor(state, "description")}>
          <input name="description" defaultValue={submitted(state, "description")} className={inputClass} />
        </Field>
      </div>
      <SubmitButton isPending={isPending}>Create dataset</SubmitButton>
      <FormMessage state={state.status === "error" && state.field ? IDLE : state} />
    </form>
  );
}
