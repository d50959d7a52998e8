"use client";
// The add / override form of the price table. Values are USD per million tokens, like the API's.
import { useEffect, useRef } from "react";
import type { PriceFieldErrors, PriceFormValues } from "@/lib/forms/price-form";

type Props = {
  /** Server action bound by useActionState. */
  action: (form: FormData) => void;
  isPending: boolean;
  /** Initial values (a row being overridden, or what a rejected submit held). */
  values: Partial<PriceFormValues>;
  fieldErrors: PriceFieldErrors;
  /** A row is being edited: its model name is fixed. */
  isEditing: boolean;
  onSubmit: () => void;
  onCancel: () => void;
};

const FIELDS = [
  { name: "inputPerMTokUsd", label: "Input", isRequired: true },
  { name: "outputPerMTokUsd", label: "Output", isRequired: true },
  { name: "cacheReadPerMTokUsd", label: "Cache read", isRequired: false },
  { name: "cacheWritePerMTokUsd", label: "Cache write", isRequired: false },
] as const;

const input = "w-full rounded border bg-bg px-2 py-1 text-sm tabular-nums placeholder:text-fg-muted/70";
const border = (error?: string) => (error ? "border-danger" : "border-line");

/** Model, provider and four prices; errors shown under their field. */
export function PriceForm({ action, isPending, values, fieldErrors, isEditing, onSubmit, onCancel }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  // "Override" on a row far down the table: bring the form into view, ready to type the new price.
  useEffect(() => {
    if (!isEditing) return;
    formRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    formRef.current?.querySelector<HTMLInputElement>('input[name="inputPerMTokUsd"]')?.focus({ preventScroll: true });
  }, [isEditing]);
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={onSubmit}
      className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3"
      data-testid="price-form"
      noValidate
    >
      <div className="text-sm font-medium">{isEditing ? `Override ${values.model}` : "Add a model price"}</div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
        <Field label="Model" error={fieldErrors.model}>
          <input
            name="model"
            defaultValue={values.model}
            readOnly={isEditing}
            placeholder="acme-llm-1"
            className={`${input} ${border(fieldErrors.model)} ${isEditing ? "text-fg-muted" : ""}`}
            required
          />
        </Field>
        <Field label="Provider (optional)" error={fieldErrors.provider}>
          <input name="provider" defaultValue={values.provider} placeholder="acme" className={`${input} ${border(fieldErrors.provider)}`} />
        </Field>
        {FIELDS.map((field) => (
          <Field key={field.name} label={`${field.label} $/MTok${field.isRequired ? "" : " (optional)"}`} error={fieldErrors[field.name]}>
            <input
              name={field.name}
              type="number"
              step="any"
              min="0"
              inputMode="decimal"
              defaultValue={values[field.name]}
              className={`${input} ${border(fieldErrors[field.name])}`}
              required={field.isRequired}
            />
          </Field>
        ))}
      </div>
      <div className="flex justify-end gap-2">
        {isEditing ? (
          <button type="button" onClick={onCancel} className="rounded border border-line px-3 py-1 text-sm text-fg-muted hover:text-fg">
            Cancel
          </button>
        ) : null}
        <button type="submit" disabled={isPending} className="rounded bg-accent px-3 py-1 text-sm font-medium text-white disabled:opacity-60">
          {isPending ? "Saving…" : isEditing ? "Save override" : "Add price"}
        </button>
      </div>
    </form>
  );
}

function Field({ label, error, children }: { label: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-fg-muted">
      {label}
      {children}
      {error ? (
        <span className="text-danger" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}
