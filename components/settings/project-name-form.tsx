"use client";

import { useActionState } from "react";
import { FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { renameProjectAction } from "@/lib/actions/projects";
import { IDLE, type FormState } from "@/lib/forms/form-state";

/** The project's name; project admins can rename it (its slug, and so its URLs, stay). */
export function ProjectNameForm({ projectSlug, name, canEdit }: { projectSlug: string; name: string; canEdit: boolean }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(renameProjectAction.bind(null, projectSlug), IDLE);
  if (!canEdit) return <p className="text-sm">{name}</p>;
  return (
    <form action={action} className="flex max-w-md flex-col gap-2" data-testid="project-name-form">
      <div className="flex gap-2">
        <input name="name" defaultValue={submitted(state, "name") ?? name} aria-label="Project name" className={inputClass} />
        <SubmitButton isPending={isPending} tone="plain">
          Rename
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
