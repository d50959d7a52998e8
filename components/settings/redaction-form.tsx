"use client";
// Redaction settings: the built-in detectors, and custom patterns. Matches in anything a span or log
// carries are stored as [REDACTED:<name>]; the original never reaches the database.
import { useActionState } from "react";
import { FormMessage, inputClass, SubmitButton, submitted, submittedList } from "@/components/ui/form-parts";
import { saveRedactionAction } from "@/lib/actions/redaction";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { formatPatternLines } from "@/lib/forms/redaction-form";

const DETECTORS = [
  { name: "email", label: "Email addresses" },
  { name: "phone", label: "Phone numbers" },
  { name: "credit_card", label: "Card numbers (Luhn-checked)" },
  { name: "secret", label: "API keys and tokens (OpenAI, Anthropic, AWS, GitHub, Slack, Google, JWTs, private keys…)" },
  { name: "ip_address", label: "IP addresses" },
] as const;

type Config = { detectors: string[]; patterns: { name: string; regex: string }[] };

export function RedactionForm({ projectSlug, config, canEdit }: { projectSlug: string; config: Config; canEdit: boolean }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(saveRedactionAction.bind(null, projectSlug), IDLE);
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-3 text-sm" data-testid="redaction-form">
      <fieldset className="flex flex-col gap-1" disabled={!canEdit}>
        <legend className="mb-1 text-fg-muted">Built-in detectors</legend>
        {DETECTORS.map((d) => (
          <label key={d.name} className="flex items-center gap-2">
            <input type="checkbox" name="detectors" value={d.name} defaultChecked={(submittedList(state, "detectors") ?? config.detectors).includes(d.name)} />
            {d.label}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1">
        <span className="text-fg-muted">Custom patterns, one per line: name = regex (bounded repetitions such as \d{`{1,20}`}; no backreferences)</span>
        <textarea
          name="patterns"
          rows={3}
          defaultValue={submitted(state, "patterns") ?? formatPatternLines(config.patterns)}
          disabled={!canEdit}
          placeholder="order_id = ORD-\d{8}"
          className={`${inputClass} font-mono`}
        />
      </label>
      <FormMessage state={state} />
      {canEdit ? <SubmitButton isPending={isPending}>Save redaction</SubmitButton> : <p className="text-fg-muted">Project admins change redaction.</p>}
    </form>
  );
}
