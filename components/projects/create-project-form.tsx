"use client";

import { useActionState } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { createProjectAction } from "@/lib/actions/projects";
import { IDLE, type FormState } from "@/lib/forms/form-state";

/** New project (instance admins): a name, and optionally the slug its URLs use. */
export function CreateProjectForm() {
  const [state, action, isPending] = useActionState<FormState, FormData>(createProjectAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" data-testid="create-project-form" noValidate>
      <div className="w-64">
        <Field label="Name" error={errorFor(state, "name")}>
          <input name="name" placeholder="Support bot" defaultValue={submitted(state, "name")} className={inputClass} />
        </Field>
      </div>
      <div className="w-48">
        <Field label="Slug (optional)" error={errorFor(state, "slug")}>
          <input name="slug" placeholder="support-bot" defaultValue={submitted(state, "slug")} className={inputClass} />
        </Field>
      </div>
      <SubmitButton isPending={isPending}>Create project</SubmitButton>
      {state.status === "error" && !state.field ? <FormMessage state={state} /> : null}
    </form>
  );
}
