"use client";

import { useActionState } from "react";
import { FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { setRetentionAction } from "@/lib/actions/projects";
import { IDLE, type FormState } from "@/lib/forms/form-state";

/** How long the project keeps traces; empty keeps them forever. Project admins change it. */
export function RetentionForm({ projectSlug, retentionDays, canEdit }: { projectSlug: string; retentionDays: number | null; canEdit: boolean }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(setRetentionAction.bind(null, projectSlug), IDLE);
  const current = retentionDays === null ? "Traces are kept forever." : `Traces are kept for ${retentionDays} days after they end.`;
  if (!canEdit) return <p className="text-sm">{current}</p>;
  return (
    <form action={action} className="flex max-w-md flex-col gap-2" data-testid="retention-form">
      <label className="flex items-center gap-2 text-sm">
        <span className="shrink-0">Keep traces for</span>
        <input
          name="retentionDays"
          type="number"
          inputMode="numeric"
          placeholder="forever"
          defaultValue={submitted(state, "retentionDays") ?? (retentionDays === null ? "" : String(retentionDays))}
          aria-label="Retention in days"
          className={`${inputClass} w-28`}
        />
        <span className="shrink-0">days</span>
        <SubmitButton isPending={isPending} tone="plain">
          Save
        </SubmitButton>
      </label>
      <p className="text-xs text-fg-muted">{current} Leave empty to keep them forever.</p>
      <FormMessage state={state} />
    </form>
  );
}
