"use client";
// New review queue: a name, the runs to draw from (the trace list's filters, as its URL shows them), how
// many, the score the reviews give and its labels, and an optional seed to draw the same runs again.
import { useActionState } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Props = { action: (previous: FormState, form: FormData) => Promise<FormState> };

export function CreateQueueForm({ action: create }: Props) {
  const [state, action, isPending] = useActionState<FormState, FormData>(create, IDLE);
  return (
    <form action={action} className="grid max-w-3xl grid-cols-2 gap-3" data-testid="create-queue-form" noValidate>
      <Field label="Name" error={errorFor(state, "name")}>
        <input name="name" placeholder="Weekly review" defaultValue={submitted(state, "name")} className={inputClass} />
      </Field>
      <Field
        label="Runs from (trace list filters)"
        error={errorFor(state, "filter")}
        hint="As in the trace list's address, e.g. name=refund-flow&status=error; empty for all runs"
      >
        <input name="filter" placeholder="name=refund-flow" defaultValue={submitted(state, "filter")} className={inputClass} />
      </Field>
      <Field label="Sample size" error={errorFor(state, "sampleSize")}>
        <input name="sampleSize" inputMode="numeric" defaultValue={submitted(state, "sampleSize") ?? "50"} className={inputClass} />
      </Field>
      <Field label="Score name" error={errorFor(state, "scoreName")}>
        <input name="scoreName" placeholder="helpfulness" defaultValue={submitted(state, "scoreName")} className={inputClass} />
      </Field>
      <Field label="Labels (comma-separated, keys 1–9)" error={errorFor(state, "labels")}>
        <input name="labels" defaultValue={submitted(state, "labels") ?? "good, bad"} className={inputClass} />
      </Field>
      <Field label="Seed (optional)" error={errorFor(state, "seed")} hint="The same seed draws the same runs again">
        <input name="seed" defaultValue={submitted(state, "seed")} className={inputClass} />
      </Field>
      <div className="col-span-2 flex items-center gap-3">
        <SubmitButton isPending={isPending}>Draw the queue</SubmitButton>
        {state.status === "error" && !state.field ? <FormMessage state={state} /> : null}
      </div>
    </form>
  );
}
