// Small building blocks of the dashboard's forms: a labelled field, a status message, a submit button.
import type { ReactNode } from "react";

export const inputClass = "w-full rounded border border-line bg-bg px-2 py-1.5 text-sm placeholder:text-fg-muted/70 focus:border-accent focus:outline-none";

/** A label above its control, and the field's error under it. */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-fg-muted">{label}</span>
      {children}
      {hint && !error ? <span className="text-xs text-fg-muted">{hint}</span> : null}
      {error ? (
        <span className="text-xs text-danger" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** The outcome of the last submit: an error (role=alert) or a confirmation. */
export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status === "idle" || !state.message) return null;
  const isError = state.status === "error";
  return (
    <p
      role={isError ? "alert" : "status"}
      data-testid={isError ? "form-error" : "form-ok"}
      className={`rounded border p-2 text-sm ${isError ? "border-danger/40 bg-danger-soft text-danger" : "border-line bg-surface text-fg"}`}
    >
      {state.message}
    </p>
  );
}

export function SubmitButton({ isPending, children, tone = "primary" }: { isPending: boolean; children: ReactNode; tone?: "primary" | "danger" | "plain" }) {
  const tones = {
    primary: "bg-accent text-white hover:opacity-90",
    danger: "border border-danger/50 text-danger hover:bg-danger-soft",
    plain: "border border-line text-fg hover:bg-muted",
  };
  return (
    <button type="submit" disabled={isPending} className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}>
      {isPending ? "Working…" : children}
    </button>
  );
}

/** The field a form state names as wrong, so that field shows the message. */
export const errorFor = (state: { status: string; field?: string; message?: string }, field: string) =>
  state.status === "error" && state.field === field ? state.message : undefined;

type WithValues = { status: string; values?: Record<string, string | string[]> };

/** What the user last submitted in a field, so a failed submit does not clear it (React resets the form). */
export const submitted = (state: WithValues, field: string): string | undefined => {
  const value = state.status === "error" ? state.values?.[field] : undefined;
  return typeof value === "string" ? value : undefined;
};

/** The checkboxes of a group the user last submitted ticked, if the submit failed. */
export const submittedList = (state: WithValues, field: string): string[] | undefined => {
  const value = state.status === "error" ? state.values?.[field] : undefined;
  return Array.isArray(value) ? value : undefined;
};
