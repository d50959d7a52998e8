"use client";
// New evaluator (or an evaluator's changes, prefilled): what it scores (name, score, target, the runs it takes and how many of them), and how:
// a rule (kind and value) or an LLM judge (model, prompt template, labels, daily cap). The fields of the
// other type are hidden, not dropped, so switching back keeps what was typed.
import { useActionState, useState } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { EVALUATOR_TARGETS, RULE_KINDS } from "@/lib/quality/evaluator-kinds";

type Props = {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  /** The stored evaluator's values, when the form edits one. */
  initial?: Record<string, string>;
  submitLabel?: string;
};

const VALUE_HINTS: Record<string, string> = {
  regex: "A JavaScript regular expression the output must match",
  contains: "Text the output must contain",
  json_schema: 'A JSON Schema the output must satisfy, e.g. {"type":"object","required":["amount"]}',
  max_cost_usd: "The most a run may cost, in USD",
  max_duration_ms: "The longest a run may take, in ms",
  max_tool_calls: "The most tool calls a run may make",
  no_error: "No value",
  no_findings: "No value",
};

export function CreateEvaluatorForm({ action: save, initial = {}, submitLabel = "Create evaluator" }: Props) {
  const [state, action, isPending] = useActionState<FormState, FormData>(save, IDLE);
  const shown = (field: string) => submitted(state, field) ?? (initial[field] || undefined);
  const [type, setType] = useState(shown("type") ?? "rule");
  const [kind, setKind] = useState(shown("ruleKind") ?? "contains");
  return (
    <form action={action} className="grid max-w-3xl grid-cols-2 gap-3" data-testid="create-evaluator-form" noValidate>
      <Field label="Name" error={errorFor(state, "name")}>
        <input name="name" placeholder="Answers cite an order" defaultValue={shown("name")} className={inputClass} />
      </Field>
      <Field label="Score name" error={errorFor(state, "scoreName")}>
        <input name="scoreName" placeholder="cites_order" defaultValue={shown("scoreName")} className={inputClass} />
      </Field>
      <Field label="Type" error={errorFor(state, "type")}>
        <select name="type" value={type} onChange={(e) => setType(e.target.value)} className={inputClass}>
          <option value="rule">Rule</option>
          <option value="llm_judge">LLM judge</option>
        </select>
      </Field>
      <Field label="Scores" error={errorFor(state, "target")}>
        <select name="target" defaultValue={shown("target") ?? "trace"} className={inputClass}>
          {EVALUATOR_TARGETS.map((t) => (
            <option key={t} value={t}>
              {t === "trace" ? "the whole run" : t === "llm_span" ? "each LLM call" : "each tool call"}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Runs (trace list filters)"
        error={errorFor(state, "filter")}
        hint="As in the trace list's address, e.g. name=refund-flow; empty for all runs"
      >
        <input name="filter" placeholder="name=refund-flow" defaultValue={shown("filter")} className={inputClass} />
      </Field>
      <Field label="Sample rate (0–1)" error={errorFor(state, "sampleRate")}>
        <input name="sampleRate" inputMode="decimal" defaultValue={shown("sampleRate") ?? "1"} className={inputClass} />
      </Field>
      <div className={type === "rule" ? "contents" : "hidden"}>
        <Field label="Rule" error={errorFor(state, "ruleKind")}>
          <select name="ruleKind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Rule value" error={errorFor(state, "ruleValue")} hint={VALUE_HINTS[kind]}>
          <input name="ruleValue" defaultValue={shown("ruleValue")} className={inputClass} />
        </Field>
      </div>
      <div className={type === "llm_judge" ? "contents" : "hidden"}>
        <Field label="Judge model" error={errorFor(state, "judgeModel")}>
          <input name="judgeModel" placeholder="gpt-4o-mini" defaultValue={shown("judgeModel")} className={inputClass} />
        </Field>
        <Field label="Labels (comma-separated; empty for a 0–1 score)" error={errorFor(state, "judgeLabels")}>
          <input name="judgeLabels" placeholder="good, bad" defaultValue={shown("judgeLabels")} className={inputClass} />
        </Field>
        <div className="col-span-2">
          <Field label="Prompt" error={errorFor(state, "judgePrompt")} hint="{{input}}, {{output}} and {{expected}} are filled in; {{output}} is required">
            <textarea
              name="judgePrompt"
              rows={4}
              defaultValue={shown("judgePrompt") ?? "Does this answer the question?\nQuestion: {{input}}\nAnswer: {{output}}"}
              className={inputClass}
            />
          </Field>
        </div>
        <Field label="Daily cost cap (USD, optional)" error={errorFor(state, "maxCostUsdPerDay")}>
          <input name="maxCostUsdPerDay" inputMode="decimal" defaultValue={shown("maxCostUsdPerDay")} className={inputClass} />
        </Field>
      </div>
      <div className="col-span-2 flex items-center gap-3">
        <SubmitButton isPending={isPending}>{submitLabel}</SubmitButton>
        {state.status === "ok" || (state.status === "error" && !state.field) ? <FormMessage state={state} /> : null}
      </div>
    </form>
  );
}
