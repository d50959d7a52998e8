"use client";

import { useActionState } from "react";
import { FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { updateLoopThresholdAction } from "@/lib/actions/projects";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { MAX_LOOP_THRESHOLD, MIN_LOOP_THRESHOLD } from "@/lib/forms/loop-threshold-limits";

/** From how many identical calls a tool loop (or repeated LLM call) is a finding; project admins change it. */
export function LoopThresholdForm({ projectSlug, loopThreshold, canEdit }: { projectSlug: string; loopThreshold: number; canEdit: boolean }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(updateLoopThresholdAction.bind(null, projectSlug), IDLE);
  if (!canEdit)
    return (
      <p className="text-sm" data-testid="loop-threshold">
        {loopThreshold} identical calls
      </p>
    );
  return (
    <form action={action} className="flex max-w-md flex-col gap-2" data-testid="loop-threshold-form">
      <div className="flex items-center gap-2">
        <span className="w-28">
          <input
            name="loopThreshold"
            type="number"
            min={MIN_LOOP_THRESHOLD}
            max={MAX_LOOP_THRESHOLD}
            step={1}
            defaultValue={submitted(state, "loopThreshold") ?? loopThreshold}
            aria-label="Loop threshold"
            className={inputClass}
          />
        </span>
        <span className="text-sm text-fg-muted">identical calls</span>
        <SubmitButton isPending={isPending} tone="plain">
          Save
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
