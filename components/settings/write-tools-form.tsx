"use client";

import { useActionState } from "react";
import { FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { saveWriteToolsAction } from "@/lib/actions/write-tools";
import { IDLE, type FormState } from "@/lib/forms/form-state";

/** The project's write tools, one a line; project admins can change them, others see them. */
export function WriteToolsForm({ projectSlug, tools, canEdit }: { projectSlug: string; tools: string[]; canEdit: boolean }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(saveWriteToolsAction.bind(null, projectSlug), IDLE);
  if (!canEdit) return <p className="text-sm">{tools.length ? tools.join(", ") : "None."}</p>;
  return (
    <form action={action} className="flex max-w-md flex-col gap-2" data-testid="write-tools-form">
      <textarea
        name="tools"
        rows={4}
        defaultValue={submitted(state, "tools") ?? tools.join("\n")}
        aria-label="Write tools, one a line"
        placeholder={"issue_refund\nsend_email"}
        className={`${inputClass} font-mono`}
      />
      <div>
        <SubmitButton isPending={isPending} tone="plain">
          Save write tools
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
