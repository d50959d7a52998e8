"use client";
import { useActionState } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form-parts";
import { IDLE, type FormState } from "@/lib/forms/form-state";

/** JSONL import: one `{ "input": …, "expectedOutput": …, "metadata": … }` per line, all lines or none. */
export function ImportForm({ action: importItems }: { action: (previous: FormState, form: FormData) => Promise<FormState> }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(importItems, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" data-testid="import-form" noValidate>
      <Field label="JSONL file" error={errorFor(state, "file")}>
        <input type="file" name="file" accept=".jsonl,.ndjson,.txt,application/jsonl" className={inputClass} />
      </Field>
      <SubmitButton isPending={isPending}>Import</SubmitButton>
      <FormMessage state={state.status === "error" && state.field ? IDLE : state} />
    </form>
  );
}
